import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { ARGOCD_API_SERVICE_ACCOUNTS, ARGOCD_NAMESPACE } from '../../argocd/constants';
import { irsaTrustStatement } from './irsa-trust';
import { EKS_ACCESS_POLICY } from './managed-policies';

/** What `aws_iam_role` takes to name a role: `name` and `path` (`/` for Argo CD's roles, see `argocdRoleName`). */
export interface IamRoleName {
  readonly name: string;
  readonly path: string;
}

export interface ArgoCdManagementRoleProps {
  /** Name of the management cluster (Argo CD runs there). */
  readonly clusterName: string;
  /** The management cluster's Argo CD role (`argocdRoleName`): the role Argo CD's pods run as. */
  readonly role: IamRoleName;
  /** The cluster's IAM OIDC provider and its issuer URL (IRSA). */
  readonly oidcProviderArn: string;
  readonly issuer: string;
  /** `argocdRoleArn` of every EKS workload cluster (eks-identity-names.ts): the roles Argo CD assumes to reach them. */
  readonly workloadRoleArns: readonly string[];
}

/**
 * The IAM role Argo CD's pods run as on an EKS management cluster (IRSA): trusted by the
 * cluster's OIDC provider for `argocd/argocd-application-controller` and `argocd/argocd-server`
 * only, and allowed to assume the per-cluster role of each workload cluster. The chart annotates
 * both service accounts with it (`eks.amazonaws.com/role-arn`), so the EKS pod identity webhook
 * mounts a token and sets AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE.
 *
 * `argocd-k8s-auth aws --cluster-name <name> --role-arn <roleARN>` (what Argo CD runs for a
 * Secret with `awsAuthConfig`; argoproj/argo-cd pkg/apis/application/v1alpha1/types.go
 * `RawRestConfig`, v2.13.2 and v2.14.2) opens an SDK session from the default credential chain
 * (these web identity variables) and, with a role ARN, signs the token request with
 * `stscreds.NewCredentials(sess, roleARN)`: an `sts:AssumeRole` of the cluster's role
 * (cmd/argocd-k8s-auth/commands/aws.go `getSignedRequest`, same tags). The management cluster
 * itself is reached in-cluster with the service account token and needs no access entry.
 */
export class ArgoCdManagementRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ArgoCdManagementRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        irsaTrustStatement(
          props.oidcProviderArn,
          props.issuer,
          ARGOCD_API_SERVICE_ACCOUNTS.map((serviceAccount) => ({ namespace: ARGOCD_NAMESPACE, serviceAccount })),
        ),
      ],
    });
    this.role = new IamRole(this, 'Default', {
      name: props.role.name,
      path: props.role.path,
      description: `Argo CD on ${props.clusterName} (IRSA of ${ARGOCD_NAMESPACE}/${ARGOCD_API_SERVICE_ACCOUNTS.join(', ')})`,
      assumeRolePolicy: trust.json,
    });
    // A policy with no resource is invalid: with no workload cluster the role only exists to be
    // annotated (adding a cluster then changes a policy, not the pods).
    if (props.workloadRoleArns.length > 0) {
      const assume = new DataAwsIamPolicyDocument(this, 'assume-cluster-roles-document', {
        statement: [{ sid: 'AssumeClusterRoles', effect: 'Allow', actions: ['sts:AssumeRole'], resources: [...props.workloadRoleArns] }],
      });
      new IamRolePolicy(this, 'assume-cluster-roles', { name: 'assume-cluster-roles', role: this.role.id, policy: assume.json });
    }
  }
}

export interface ArgoCdClusterAccessProps {
  /** The EKS cluster's name (a reference to the cluster resource, so the entry follows it). */
  readonly clusterName: string;
  /** The workload cluster's Argo CD role (`argocdRoleName`). */
  readonly role: IamRoleName;
  /** ARN of the management role (`ArgoCdManagementRole`), read from its stack's state. */
  readonly managementRoleArn: string;
  readonly description: string;
}

/**
 * The role Argo CD reaches one EKS workload cluster as, and that cluster's access entry for it
 * (cluster admin: Argo CD installs CRDs, RBAC and cluster-wide add-ons; its AppProjects narrow
 * each application). Only the management role may assume it. The role is created before the
 * entry: CreateAccessEntry refuses a principal that does not exist.
 */
export class ArgoCdClusterAccess extends Construct {
  readonly role: IamRole;
  readonly accessEntry: EksAccessEntry;

  constructor(scope: Construct, id: string, props: ArgoCdClusterAccessProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [{ effect: 'Allow', principals: [{ type: 'AWS', identifiers: [props.managementRoleArn] }], actions: ['sts:AssumeRole'] }],
    });
    this.role = new IamRole(this, 'role', { name: props.role.name, path: props.role.path, description: props.description, assumeRolePolicy: trust.json });
    this.accessEntry = new EksAccessEntry(this, 'access', { clusterName: props.clusterName, principalArn: this.role.arn, type: 'STANDARD' });
    new EksAccessPolicyAssociation(this, 'cluster-admin', {
      clusterName: props.clusterName,
      principalArn: this.accessEntry.principalArn,
      policyArn: EKS_ACCESS_POLICY.clusterAdmin,
      accessScope: { type: 'cluster' },
    });
  }
}
