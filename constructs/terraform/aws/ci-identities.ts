import { DataAwsIamOpenidConnectProvider } from '@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider';
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatementCondition } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import type { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import type { AwsAccount } from '../cloud-accounts';
import type { CiIdentitySpec } from '../infrastructure-spec';
import { iamRoleArn } from './eks-identity-names';
import type { HardenedBucket } from './hardened-bucket';
import { MANAGED_POLICY } from './managed-policies';
import { exemptFromBoundary } from './permissions-boundary';
import { terraformStateStatements } from './terraform-state-access';

/** GitHub Actions' OIDC issuer and the audience its AWS credential action requests. */
export const GITHUB_OIDC = { url: 'https://token.actions.githubusercontent.com', host: 'token.actions.githubusercontent.com', audience: 'sts.amazonaws.com' } as const;

/** One hour: a plan or apply that runs longer re-authenticates; a leaked token dies quickly. */
const MAX_SESSION_SECONDS = 3600;

/**
 * The services the AWS stacks of this estate manage: the apply role may change resources of them
 * and of no other (see `CiIdentities`). A new kind of resource in a stack adds its service here and
 * its resource scope in `applyScopes`.
 */
export const APPLY_SERVICES = ['s3', 'kms', 'iam', 'ec2', 'eks', 'logs', 'budgets', 'route53resolver'] as const;

/** IAM writes whose `iam:PermissionsBoundary` condition key names the boundary of the role they touch. */
const BOUNDED_ROLE_WRITES = [
  'iam:CreateRole',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:DeleteRolePolicy',
  'iam:AttachRolePolicy',
  'iam:DetachRolePolicy',
] as const;

/** Every write of a role: denied on the CI roles themselves. */
const ROLE_WRITES = [
  ...BOUNDED_ROLE_WRITES,
  'iam:DeleteRolePermissionsBoundary',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
  'iam:DeleteRole',
  'iam:TagRole',
  'iam:UntagRole',
] as const;

const REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

export interface CiIdentitiesProps {
  readonly environment: string;
  readonly ci: CiIdentitySpec;
  /** The environment's account: every resource scope of the apply role is inside it. */
  readonly account: AwsAccount;
  /** Every region the environment's AWS stacks create resources in. */
  readonly regions: readonly string[];
  /**
   * Name prefixes of the IAM roles and policies and KMS aliases the stacks create, e.g. `prod-` and
   * `prod-eks-euw1-`: the apply role may manage those and no other.
   */
  readonly namePrefixes: readonly string[];
  /**
   * IAM roles the stacks create under names the spec gives (`<path>/<name>` without the leading
   * slash): Argo CD's roles (`argocdRoleArn`). Granted by exact name, not as a prefix.
   * @default - none
   */
  readonly roleNames?: readonly string[];
  /** Name prefixes of the S3 buckets the stacks create (state, logs, reports and their copies). */
  readonly bucketPrefixes: readonly string[];
  /** The permissions boundary every role the apply role creates or changes must carry. */
  readonly boundary: IamPolicy;
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
 * The apply role refreshes with `ReadOnlyAccess` and changes only resources of the environment
 * (`applyScopes`): its account and regions for EC2, EKS, Logs and KMS keys, its buckets, KMS aliases,
 * budgets, and IAM roles and policies by name prefix. It is no escalation path: every role it creates
 * or changes must carry the environment's permissions boundary (`WorkloadBoundary`; creating or
 * changing a role without it, or removing it, is denied), and it may not change the CI roles, the
 * boundary, GitHub's OIDC provider, or the state key's policy (those stay with an administrator,
 * as the bootstrap). It may not delete the state bucket or schedule the deletion of the state key.
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
      throw new Error(
        `${this.node.path}: ci.repository "${ci.repository}" is not a GitHub owner/name; the roles' trust is scoped to exactly one repository (set it like 'acme/platform-gitops')`,
      );
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

    exemptFromBoundary(this.planRole);
    exemptFromBoundary(this.applyRole);
    new IamRolePolicyAttachment(this, 'apply-read-only', { role: this.applyRole.name, policyArn: MANAGED_POLICY.readOnlyAccess });
    const { accountId } = props.account;
    const boundaryArn = props.boundary.arn;
    const ciRoles = [this.planRole.arn, this.applyRole.arn];
    const applyRights = new DataAwsIamPolicyDocument(this, 'apply-document', {
      statement: [
        ...applyScopes(props).map(({ service, resources }) => ({
          sid: `Manage${service[0].toUpperCase()}${service.slice(1)}`,
          effect: 'Allow',
          actions: [`${service}:*`],
          resources,
        })),
        // Actions whose resource is the account (IAM Service Authorization Reference: no resource type).
        { sid: 'CreateKeys', effect: 'Allow', actions: ['kms:CreateKey'], resources: ['*'] },
        { sid: 'ServiceLinkedRoles', effect: 'Allow', actions: ['iam:CreateServiceLinkedRole'], resources: [`arn:aws:iam::${accountId}:role/aws-service-role/*`] },
        { sid: 'WhoAmI', effect: 'Allow', actions: ['sts:GetCallerIdentity'], resources: ['*'] },
        {
          // A role without the boundary could be given any right: refuse creating or changing one.
          // For a negated operator a key absent from the request is true, so a CreateRole without
          // a boundary is refused too (IAM User Guide, condition operators; iam:PermissionsBoundary
          // is the condition key of these actions in the IAM Service Authorization Reference).
          sid: 'OnlyBoundedRoles',
          effect: 'Deny',
          actions: [...BOUNDED_ROLE_WRITES],
          resources: ['*'],
          condition: [{ test: 'StringNotEquals', variable: 'iam:PermissionsBoundary', values: [boundaryArn] }],
        },
        { sid: 'KeepBoundaries', effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] },
        {
          sid: 'KeepBoundaryPolicy',
          effect: 'Deny',
          actions: ['iam:CreatePolicyVersion', 'iam:DeletePolicyVersion', 'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy'],
          resources: [boundaryArn],
        },
        // CI cannot widen its own rights or trust: the CI roles and the provider they trust.
        { sid: 'KeepCiRoles', effect: 'Deny', actions: [...ROLE_WRITES], resources: ciRoles },
        {
          sid: 'KeepCiTrust',
          effect: 'Deny',
          actions: [
            'iam:DeleteOpenIDConnectProvider',
            'iam:AddClientIDToOpenIDConnectProvider',
            'iam:RemoveClientIDFromOpenIDConnectProvider',
            'iam:UpdateOpenIDConnectProviderThumbprint',
          ],
          resources: [`arn:aws:iam::${accountId}:oidc-provider/${GITHUB_OIDC.host}`],
        },
        {
          // Destroying either loses every state of the environment; prevent_destroy guards the
          // code, this guards the API.
          sid: 'KeepStateStore',
          effect: 'Deny',
          actions: ['s3:DeleteBucket', 's3:PutBucketPolicy', 's3:DeleteBucketPolicy'],
          resources: [stateBucket.bucket.arn],
        },
        {
          // The key policy decides who may decrypt every state: not CI's to change.
          sid: 'KeepStateKey',
          effect: 'Deny',
          actions: ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DeleteAlias', 'kms:PutKeyPolicy'],
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

/** A service the apply role manages and the resources it may change, all of the environment. */
interface ApplyScope {
  readonly service: (typeof APPLY_SERVICES)[number];
  readonly resources: string[];
}

/** Where the apply role may write, per service: never `*` (tf-prod-no-wildcard-iam-action). */
function applyScopes(props: CiIdentitiesProps): ApplyScope[] {
  const { accountId } = props.account;
  const regional = (service: string, suffix: string) => props.regions.map((region) => `arn:aws:${service}:${region}:${accountId}:${suffix}`);
  const named = (kind: string) => props.namePrefixes.map((prefix) => `arn:aws:iam::${accountId}:${kind}/${prefix}*`);
  const scopes: ApplyScope[] = [
    { service: 's3', resources: props.bucketPrefixes.flatMap((prefix) => [`arn:aws:s3:::${prefix}*`, `arn:aws:s3:::${prefix}*/*`]) },
    {
      service: 'kms',
      resources: [...regional('kms', 'key/*'), ...props.regions.flatMap((region) => props.namePrefixes.map((prefix) => `arn:aws:kms:${region}:${accountId}:alias/${prefix}*`))],
    },
    {
      service: 'iam',
      resources: [...named('role'), ...(props.roleNames ?? []).map((name) => iamRoleArn(accountId, name)), ...named('policy'), `arn:aws:iam::${accountId}:oidc-provider/*`],
    },
    { service: 'ec2', resources: regional('ec2', '*') },
    { service: 'eks', resources: regional('eks', '*') },
    { service: 'logs', resources: regional('logs', '*') },
    { service: 'budgets', resources: [`arn:aws:budgets::${accountId}:budget/*`] },
    // Argo CD's DNS path to a private-only cluster (argocd-network-path.ts): resolver endpoints and rules.
    { service: 'route53resolver', resources: regional('route53resolver', '*') },
  ];
  const missing = APPLY_SERVICES.filter((service) => !scopes.some((scope) => scope.service === service));
  if (missing.length > 0) throw new Error(`CiIdentities: APPLY_SERVICES ${missing.join(', ')} have no resource scope in applyScopes`);
  return scopes;
}
