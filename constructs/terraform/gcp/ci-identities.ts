import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { GcpProject } from '../cloud-accounts';
import type { CiIdentitySpec } from '../infrastructure-spec';

/** Issuer of GitHub Actions OIDC tokens. */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * Claims of the GitHub token copied into Google attributes. `google.subject` is the token's `sub`
 * (`repo:<owner>/<name>:ref:refs/heads/<branch>` or `...:environment:<name>`), which the apply
 * binding matches exactly. `environment` is not mapped: the claim is absent from jobs without a
 * deployment environment, and the subject already carries it.
 */
export const GITHUB_ATTRIBUTE_MAPPING: Readonly<Record<string, string>> = {
  'google.subject': 'assertion.sub',
  'attribute.repository': 'assertion.repository',
  'attribute.repository_id': 'assertion.repository_id',
  'attribute.repository_owner': 'assertion.repository_owner',
  'attribute.ref': 'assertion.ref',
  'attribute.actor': 'assertion.actor',
  'attribute.workflow_ref': 'assertion.workflow_ref',
};

/**
 * Project roles of the plan identity: read everything Terraform refreshes, nothing more.
 * - `viewer`: read every resource and IAM policy of the project.
 * - `serviceusage.serviceUsageConsumer`: the budget's provider bills quota to the project
 *   (`user_project_override`), which needs `serviceusage.services.use`.
 */
export const PLAN_ROLES: readonly string[] = ['roles/viewer', 'roles/serviceusage.serviceUsageConsumer'];

/**
 * Project roles of the apply identity: narrower than `roles/editor`, which would both miss what
 * these stacks need (editor cannot set IAM policies or manage KMS IAM) and grant every other
 * service. One role per kind of resource the GCP stacks manage:
 * - `viewer`: refresh before every apply;
 * - `serviceusage.serviceUsageAdmin`: enable the required APIs;
 * - `cloudkms.admin`: key rings, keys and the grants on them (state key, secrets keys);
 * - `storage.admin`: the state and log buckets and their IAM;
 * - `iam.workloadIdentityPoolAdmin`: this pool and provider;
 * - `iam.serviceAccountAdmin`: service accounts and their IAM (workload identity bindings);
 * - `iam.serviceAccountUser`: run node pools as the node service account (`actAs`);
 * - `resourcemanager.projectIamAdmin`: the project role grants of these stacks. It can grant any
 *   role, so the apply identity is as powerful as the project's owner in effect: this is why it
 *   is bound to one branch or deployment environment only;
 * - `compute.networkAdmin`: VPCs, subnets, routers and Cloud NAT;
 * - `compute.securityAdmin`: firewall rules (the control plane's path to admission webhooks);
 * - `container.admin`: clusters and node pools;
 * - `monitoring.notificationChannelEditor`: the budget's e-mail channels.
 * The budget itself needs `roles/billing.costsManager` on the billing account (and plan
 * `roles/billing.viewer`): granted by the foundation stack (billing-account-access.ts).
 */
export const APPLY_ROLES: readonly string[] = [
  'roles/viewer',
  'roles/serviceusage.serviceUsageAdmin',
  'roles/cloudkms.admin',
  'roles/storage.admin',
  'roles/iam.workloadIdentityPoolAdmin',
  'roles/iam.serviceAccountAdmin',
  'roles/iam.serviceAccountUser',
  'roles/resourcemanager.projectIamAdmin',
  'roles/compute.networkAdmin',
  'roles/compute.securityAdmin',
  'roles/container.admin',
  'roles/monitoring.notificationChannelEditor',
];

export interface GithubCiIdentitiesProps {
  readonly project: GcpProject;
  readonly ci: CiIdentitySpec;
  /** Bucket holding the Terraform state: plan reads it and takes the state lock in it. */
  readonly stateBucket: StorageBucket;
  /** Resources to create first (the APIs the pool and service accounts need). @default - none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The identities GitHub Actions uses to run Terraform, with short-lived tokens only (no service
 * account key exists): a workload identity pool trusting GitHub's OIDC issuer for one repository,
 * and two service accounts the workflows impersonate.
 * - `tf-plan`: any workflow of the repository (pull requests included); reads the project and the
 *   state, and may write lock objects only.
 * - `tf-apply`: only jobs whose token subject is the `applyFrom` branch or deployment environment.
 */
export class GithubCiIdentities extends Construct {
  readonly pool: IamWorkloadIdentityPool;
  readonly provider: IamWorkloadIdentityPoolProvider;
  readonly plan: ServiceAccount;
  readonly apply: ServiceAccount;

  constructor(scope: Construct, id: string, props: GithubCiIdentitiesProps) {
    super(scope, id);
    const { project, ci } = props;
    const projectId = project.projectId;
    const repository = ci.repository;

    this.pool = new IamWorkloadIdentityPool(this, 'pool', {
      workloadIdentityPoolId: 'github-actions',
      displayName: 'GitHub Actions',
      description: `Terraform CI of ${repository}`,
      dependsOn: props.dependsOn,
    });

    this.provider = new IamWorkloadIdentityPoolProvider(this, 'github', {
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: 'github',
      displayName: 'GitHub',
      attributeMapping: { ...GITHUB_ATTRIBUTE_MAPPING },
      // Without a condition every repository on github.com could exchange its tokens here; the
      // bindings below narrow further, this is the outer wall. Pinned to the repository's id as
      // well as its name: a name is reusable (delete and re-create, or take it over after a rename)
      // and the bindings below match names, the id is not.
      attributeCondition: githubAttributeCondition(ci),
      oidc: { issuerUri: GITHUB_OIDC_ISSUER },
    });

    this.plan = new ServiceAccount(this, 'plan', {
      accountId: 'tf-plan',
      displayName: 'Terraform plan (CI)',
      description: `Read-only Terraform plans from any workflow of ${repository}`,
      dependsOn: props.dependsOn,
    });
    this.apply = new ServiceAccount(this, 'apply', {
      accountId: 'tf-apply',
      displayName: 'Terraform apply (CI)',
      description: `Terraform applies from ${ci.applyFrom.kind} ${ci.applyFrom.name} of ${repository}`,
      dependsOn: props.dependsOn,
    });

    // `pool.name` is `projects/<number>/locations/global/workloadIdentityPools/github-actions`.
    const principals = `principal://iam.googleapis.com/${this.pool.name}`;
    new ServiceAccountIamMember(this, 'plan-federation', {
      serviceAccountId: this.plan.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/${this.pool.name}/attribute.repository/${repository}`,
    });
    new ServiceAccountIamMember(this, 'apply-federation', {
      serviceAccountId: this.apply.name,
      role: 'roles/iam.workloadIdentityUser',
      member: `${principals}/subject/${applySubject(ci)}`,
    });

    grantTerraformRead(this, 'plan', { projectId, member: this.plan.member, stateBucket: props.stateBucket.name });
    for (const role of APPLY_ROLES) {
      new ProjectIamMember(this, `apply-${roleId(role)}`, { project: projectId, role, member: this.apply.member });
    }

    // Plan may also create and delete lock files only: `terraform plan` takes the state lock
    // (`<prefix>/default.tflock`), and an unconditional objectAdmin would let any pull request
    // overwrite the state itself.
    const bucket = props.stateBucket.name;
    new StorageBucketIamMember(this, 'plan-state-lock', {
      bucket,
      role: 'roles/storage.objectAdmin',
      member: this.plan.member,
      condition: {
        title: 'terraform-lock-files-only',
        description: 'Create and delete Terraform state lock objects, nothing else',
        // Single-quoted CEL strings: double quotes inside an HCL string would need escaping,
        // which cdktf's HCL renderer gets wrong.
        expression: `resource.name.startsWith('projects/_/buckets/${bucket}/objects/') && resource.name.endsWith('.tflock')`,
      },
    });
  }
}

/**
 * The workload identity provider's condition: tokens of the spec's repository only, by id and by
 * name (`repository_id` and `repository` claims of GitHub's OIDC tokens, both strings).
 */
export function githubAttributeCondition(ci: CiIdentitySpec): string {
  return `assertion.repository_id == '${ci.repositoryId}' && assertion.repository == '${ci.repository}'`;
}

/**
 * The token subject of the jobs that may apply, e.g. `repo:acme/platform-gitops:ref:refs/heads/main`
 * or `repo:acme/platform-gitops:environment:production`. GitHub sets the environment form for
 * every job that declares an environment, so a branch binding does not match such jobs.
 */
export function applySubject(ci: CiIdentitySpec): string {
  const { applyFrom, repository } = ci;
  return applyFrom.kind === 'environment' ? `repo:${repository}:environment:${applyFrom.name}` : `repo:${repository}:ref:refs/heads/${applyFrom.name}`;
}

export interface TerraformReadOptions {
  readonly projectId: string;
  /** IAM member of the identity, e.g. `serviceAccount:tf-plan@<project>.iam.gserviceaccount.com`. */
  readonly member: string;
  /** Name of the state bucket. */
  readonly stateBucket: string;
}

/**
 * What `terraform plan` of the GCP stacks needs, without the state lock: the project roles of
 * `PLAN_ROLES` and read of every state object (`<prefix>-state-read`). No Cloud KMS grant: the
 * state objects are encrypted with the bucket's key by Cloud Storage, which decrypts them for any
 * caller allowed to read them. Shared by the CI plan identity (which adds the lock) and the drift
 * check (which runs `-lock=false`), so that the two cannot diverge.
 */
export function grantTerraformRead(scope: Construct, prefix: string, options: TerraformReadOptions): void {
  for (const role of PLAN_ROLES) {
    new ProjectIamMember(scope, `${prefix}-${roleId(role)}`, { project: options.projectId, role, member: options.member });
  }
  new StorageBucketIamMember(scope, `${prefix}-state-read`, { bucket: options.stateBucket, role: 'roles/storage.objectViewer', member: options.member });
}

/** `roles/iam.serviceAccountUser` -> `iam-serviceAccountUser`: a readable construct id. */
function roleId(role: string): string {
  return role.replace(/^roles\//, '').replace(/\./g, '-');
}
