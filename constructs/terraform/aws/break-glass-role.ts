import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import type { AwsAccount } from '../cloud-accounts';
import type { BreakGlassSpec } from '../infrastructure-spec';
import { iamRoleArn } from './eks-identity-names';

/** One hour: an emergency session ends on its own; a longer one signs in again, with MFA. */
const MAX_SESSION_SECONDS = 3600;

/** A principal of the account by exact ARN: no wildcard, no other account. */
const PRINCIPAL_ARN = /^arn:aws:iam::(\d{12}):(user|role)\/[\w+=,.@/-]+$/;

/** Name of an environment's break-glass role, e.g. `prod-eks-break-glass`. */
export function breakGlassRoleName(environment: string): string {
  return `${environment}-eks-break-glass`;
}

/** Its ARN, known before it exists: the cluster stacks name it in their access entries. */
export function breakGlassRoleArn(environment: string, accountId: string): string {
  return iamRoleArn(accountId, breakGlassRoleName(environment));
}

export interface BreakGlassRoleProps {
  readonly environment: string;
  readonly account: AwsAccount;
  readonly breakGlass: BreakGlassSpec;
  /** Names of the EKS clusters of the environment, for `aws eks update-kubeconfig`. */
  readonly clusterNames: readonly string[];
  /** Regions of those clusters. */
  readonly regions: readonly string[];
}

/**
 * The IAM role a named on-call engineer assumes when Argo CD cannot fix a cluster (issue 11, item
 * 21): assumable only by `breakGlass.awsPrincipals`, only with MFA (`aws:MultiFactorAuthPresent`
 * with `Bool`, not `BoolIfExists`: a session without MFA context has no such key, and an absent key
 * makes `Bool` false; IAM User Guide, condition operators), for an hour at most. In AWS it may only
 * describe the clusters (to write a kubeconfig); in Kubernetes it is cluster-admin through the
 * access entry each cluster stack gives it (`BreakGlassAccess`). Every assumption is in CloudTrail
 * (`AssumeRole` of this role), every API call in the clusters' audit logs.
 */
export class BreakGlassRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: BreakGlassRoleProps) {
    super(scope, id);
    const { environment, account, breakGlass } = props;
    const problems: string[] = [];
    if (breakGlass.awsPrincipals.length === 0) problems.push('lists no principal; name the on-call engineers (IAM user ARNs)');
    for (const principal of breakGlass.awsPrincipals) {
      const match = PRINCIPAL_ARN.exec(principal);
      if (match === null) problems.push(`"${principal}" is not the exact ARN of an IAM user or role (arn:aws:iam::<account>:user/<name>; no wildcard)`);
      else if (match[1] !== account.accountId) problems.push(`"${principal}" is in account ${match[1]}, not the environment's account ${account.accountId}`);
    }
    if (problems.length > 0) {
      throw new Error(`${environment}: ${this.node.path}: infrastructure.breakGlass.awsPrincipals ${problems.join('; ')} (fix in environments/${environment}.ts)`);
    }

    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'AWS', identifiers: [...breakGlass.awsPrincipals] }],
          actions: ['sts:AssumeRole'],
          condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: breakGlassRoleName(environment),
      description: `Emergency cluster-admin on the EKS clusters of ${environment}, MFA only`,
      assumeRolePolicy: trust.json,
      maxSessionDuration: MAX_SESSION_SECONDS,
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          sid: 'Kubeconfig',
          effect: 'Allow',
          actions: ['eks:DescribeCluster'],
          resources: props.regions.flatMap((region) => props.clusterNames.map((name) => `arn:aws:eks:${region}:${account.accountId}:cluster/${name}`)),
        },
      ],
    });
    new IamRolePolicy(this, 'policy', { name: 'describe-clusters', role: this.role.id, policy: permissions.json });
  }
}
