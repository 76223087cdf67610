import { Construct } from 'constructs';
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatementCondition } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DataAwsIamOpenidConnectProvider } from '@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { CiIdentitySpec } from '../../../environments/types';
import type { HardenedBucket } from './hardened-bucket';
import { MANAGED_POLICY } from './managed-policies';
import { terraformStateStatements } from './terraform-state-access';

/** GitHub Actions' OIDC issuer and the audience its AWS credential action requests. */
export const GITHUB_OIDC = { url: 'https://token.actions.githubusercontent.com', host: 'token.actions.githubusercontent.com', audience: 'sts.amazonaws.com' } as const;

/** One hour: a plan or apply that runs longer re-authenticates; a leaked token dies quickly. */
const MAX_SESSION_SECONDS = 3600;

/**
 * The services the AWS stacks of this estate manage: the apply role may call them and no other
 * (see `CiIdentities`). A new kind of resource in a stack adds its service here.
 */
export const APPLY_SERVICES = ['s3', 'kms', 'iam', 'ec2', 'eks', 'logs', 'budgets'] as const;

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export interface CiIdentitiesProps {
  readonly environment: string;
  readonly ci: CiIdentitySpec;
  /** The state store the roles read (plan) and write (apply). */
  readonly stateBucket: HardenedBucket;
  readonly stateKey: KmsKey;
}

/**
 * Who may run Terraform for the environment from GitHub Actions, with short-lived OIDC tokens and
 * no stored keys: the GitHub OIDC provider of the account and two roles.
 *
 * - `plan`: assumable from any pull request or branch of `ci.repository` (its `sub` claim is
 *   matched against `repo:<repo>:pull_request` and `repo:<repo>:ref:refs/heads/*`, never a bare `*`
 *   or another repository). Rights: `ReadOnlyAccess` to refresh every resource, read of the state,
 *   write of the lock files only, and use of the state key.
 * - `apply`: assumable only by `ci.applyFrom`, matched exactly: a push to one branch
 *   (`repo:<repo>:ref:refs/heads/<name>`) or a job of one GitHub deployment environment
 *   (`repo:<repo>:environment:<name>`, which can require reviewers).
 *
 * The apply role's rights are full access to the services the stacks manage (`APPLY_SERVICES`),
 * not `AdministratorAccess`: a mistaken or compromised apply cannot reach other services
 * (Organizations, billing settings, data stores). It is not an escalation barrier: it manages
 * IAM, including itself; the trust policy and the environment's reviewers are. It may not
 * delete the state bucket or schedule the deletion of the state key: those are denied outright.
 *
 * Both require the token's audience to be `sts.amazonaws.com`; sessions last at most an hour.
 */
export class CiIdentities extends Construct {
  /** The account's GitHub OIDC provider: created here, or read (`ci.awsOidcProvider: 'existing'`). */
  readonly oidcProvider: IamOpenidConnectProvider | DataAwsIamOpenidConnectProvider;
  readonly planRole: IamRole;
  readonly applyRole: IamRole;

  constructor(scope: Construct, id: string, props: CiIdentitiesProps) {
    super(scope, id);
    const { environment, ci, stateBucket, stateKey } = props;
    if (!REPOSITORY.test(ci.repository)) {
      throw new Error(`${this.node.path}: ci.repository "${ci.repository}" is not a GitHub owner/name; the roles' trust is scoped to exactly one repository (set it like 'acme/platform-gitops')`);
    }
    if (!/^[A-Za-z0-9._/-]+$/.test(ci.applyFrom.name)) {
      throw new Error(`${this.node.path}: ci.applyFrom.name "${ci.applyFrom.name}" must name one ${ci.applyFrom.kind} without wildcards or spaces`);
    }

    this.oidcProvider =
      (ci.awsOidcProvider ?? 'create') === 'create'
        ? // GitHub's issuer is verified by AWS against its own trusted CAs; no thumbprint is pinned.
          new IamOpenidConnectProvider(this, 'github-oidc', { url: GITHUB_OIDC.url, clientIdList: [GITHUB_OIDC.audience] })
        : // The account has one already (another tool or estate made it): read it by URL (aws
          // provider 6.x data source aws_iam_openid_connect_provider: exactly one of arn, url;
          // url is matched against the providers' ARNs without https://). Its audiences are not
          // ours to change: it must list GITHUB_OIDC.audience (README). No postcondition: cdktf
          // 0.21 renders lifecycle.postcondition as an attribute, which Terraform rejects.
          new DataAwsIamOpenidConnectProvider(this, 'github-oidc', { url: GITHUB_OIDC.url });

    const repo = `repo:${ci.repository}`;
    this.planRole = this.role('plan', {
      name: `${environment}-terraform-plan`,
      description: `Terraform plan of ${environment} from pull requests and branches of ${ci.repository}`,
      subject: { test: 'StringLike', values: [`${repo}:pull_request`, `${repo}:ref:refs/heads/*`] },
    });
    const applySubject = ci.applyFrom.kind === 'branch' ? `${repo}:ref:refs/heads/${ci.applyFrom.name}` : `${repo}:environment:${ci.applyFrom.name}`;
    this.applyRole = this.role('apply', {
      name: `${environment}-terraform-apply`,
      description: `Terraform apply of ${environment} from ${ci.applyFrom.kind} ${ci.applyFrom.name} of ${ci.repository}`,
      subject: { test: 'StringEquals', values: [applySubject] },
    });

    new IamRolePolicyAttachment(this, 'plan-read-only', { role: this.planRole.name, policyArn: MANAGED_POLICY.readOnlyAccess });
    const planState = new DataAwsIamPolicyDocument(this, 'plan-state-document', {
      statement: terraformStateStatements({ bucketArn: stateBucket.bucket.arn, keyArn: stateKey.arn }, 'takes-lock'),
    });
    new IamRolePolicy(this, 'plan-state', { name: 'terraform-state', role: this.planRole.id, policy: planState.json });

    const applyRights = new DataAwsIamPolicyDocument(this, 'apply-document', {
      statement: [
        { sid: 'ManageEstateServices', effect: 'Allow', actions: APPLY_SERVICES.map((service) => `${service}:*`), resources: ['*'] },
        { sid: 'WhoAmI', effect: 'Allow', actions: ['sts:GetCallerIdentity'], resources: ['*'] },
        {
          // Destroying either loses every state of the environment; prevent_destroy guards the
          // code, this guards the API.
          sid: 'KeepStateStore',
          effect: 'Deny',
          actions: ['s3:DeleteBucket'],
          resources: [stateBucket.bucket.arn],
        },
        {
          sid: 'KeepStateKey',
          effect: 'Deny',
          actions: ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DeleteAlias'],
          resources: [stateKey.arn],
        },
      ],
    });
    new IamRolePolicy(this, 'apply-rights', { name: 'terraform-apply', role: this.applyRole.id, policy: applyRights.json });
  }

  private role(id: string, options: { name: string; description: string; subject: { test: 'StringLike' | 'StringEquals'; values: string[] } }): IamRole {
    const conditions: DataAwsIamPolicyDocumentStatementCondition[] = [
      { test: 'StringEquals', variable: `${GITHUB_OIDC.host}:aud`, values: [GITHUB_OIDC.audience] },
      { test: options.subject.test, variable: `${GITHUB_OIDC.host}:sub`, values: options.subject.values },
    ];
    const trust = new DataAwsIamPolicyDocument(this, `${id}-trust`, {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'Federated', identifiers: [this.oidcProvider.arn] }],
          actions: ['sts:AssumeRoleWithWebIdentity'],
          condition: conditions,
        },
      ],
    });
    return new IamRole(this, `${id}-role`, {
      name: options.name,
      description: options.description,
      assumeRolePolicy: trust.json,
      maxSessionDuration: MAX_SESSION_SECONDS,
    });
  }
}
