import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { Construct } from 'constructs';
import { backupStore } from '../../core/backup-contract';
import { complianceReportStore } from '../../core/observability-contract';
import { backupReplicaRegion } from '../backup-replica';
import { HIDDEN_ID } from '../readable-names-stack';
import { foundationStackName } from '../stack-names';
import { publishOutputs } from '../stack-outputs';
import { tenantCloudBudgets } from '../tenant-budgets';
import type { TerraformEnvironment } from '../terraform-environment';
import { AccessLogBucket } from './access-log-bucket';
import { AwsStack, addAwsProvider } from './aws-stack';
import { AwsBackupStore } from './backup-store';
import { BreakGlassRole } from './break-glass-role';
import { BucketReplica } from './bucket-replica';
import { CiIdentities } from './ci-identities';
import { AwsComplianceReportStore } from './compliance-report-store';
import { argocdRoleName } from './eks-identity-names';
import { BucketEncryption, HardenedBucket } from './hardened-bucket';
import { MonthlyBudget } from './monthly-budget';
import { WorkloadBoundary } from './permissions-boundary';
import { stateBucketName, stateKeyAliasName, stateLogBucketName, stateReplicaBucketName, stateReplicaKeyAliasName } from './s3-state-backend';

/** What the foundation publishes; other stacks read it with this shape (see `AwsStack.readStack`). */
export const FOUNDATION_OUTPUTS = {
  state_bucket_name: 'string',
  state_bucket_arn: 'string',
  state_key_arn: 'string',
  state_log_bucket_name: 'string',
  ci_oidc_provider_arn: 'string',
  ci_plan_role_arn: 'string',
  ci_apply_role_arn: 'string',
  report_bucket_name: 'string',
  report_bucket_arn: 'string',
  report_key_arn: 'string',
  backup_bucket_arn: 'string',
  backup_key_arn: 'string',
} as const;

/** Prefix of the state bucket's access logs in the log bucket. */
export const ACCESS_LOG_PREFIX = 'state-bucket/';

export interface AwsFoundationStackProps {
  /** The environment; needs `clouds.aws`. */
  readonly spec: TerraformEnvironment;
}

/**
 * What every other AWS stack of an environment stands on:
 * - the Terraform state store: a versioned, KMS-encrypted (customer key with rotation), private,
 *   TLS-only S3 bucket whose non-current versions expire after
 *   `infrastructure.stateVersionRetentionDays`, with its access logged to a separate bucket, and
 *   copied to `infrastructure.stateReplica.aws` when set (`BucketReplica`);
 * - the CI identities that plan and apply from GitHub Actions (`CiIdentities`);
 * - the store of the compliance reports policy-reporter uploads (`AwsComplianceReportStore`,
 *   named by the observability contract), copied to the same replica region;
 * - the store of the Velero backups (`AwsBackupStore`, named by the backup contract), copied to
 *   the same replica region when `backup.replicated`;
 * - the monthly budget and its alerts (`MonthlyBudget`).
 *
 * The stack keeps its own state in the bucket it creates, so the first apply is a bootstrap, by
 * an administrator of the account (the CI roles do not exist yet):
 *
 * 1. Comment out the backend (or run `terraform init -backend=false`) and apply with a local
 *    backend: `terraform init && terraform apply` creates the keys, the buckets and the roles.
 * 2. Restore the synthesized `backend "s3"` block and run `terraform init -migrate-state`, which
 *    copies the local state into `aws-foundation/terraform.tfstate` in the new bucket.
 * 3. Delete the local `terraform.tfstate*` files; from now on CI plans and applies with the roles.
 *
 * The buckets and the keys are `prevent_destroy`: destroying the state bucket or its key loses
 * every state of the environment (a scheduled key deletion makes the state unreadable).
 */
export class AwsFoundationStack extends AwsStack {
  /** Stack name: the construct id in per-environment apps and the stack's state object key. */

  readonly key: KmsKey;
  readonly state: HardenedBucket;
  readonly accessLogs: AccessLogBucket;
  readonly replica: BucketReplica | undefined;
  readonly reports: AwsComplianceReportStore;
  readonly backups: AwsBackupStore;
  readonly ci: CiIdentities;
  readonly boundary: WorkloadBoundary;
  /** Human emergency access to the EKS clusters (`infrastructure.breakGlass`). */
  readonly breakGlass: BreakGlassRole | undefined;
  readonly budget: MonthlyBudget;
  /** A budget per tenant on the spend tagged `tenant=<name>` (tenant-budgets.ts). */
  readonly tenantBudgets: readonly MonthlyBudget[];

  constructor(scope: Construct, id: string, props: AwsFoundationStackProps) {
    const { spec } = props;
    const region = spec.clouds.aws?.region;
    if (region === undefined) throw new Error(`${spec.name}: ${foundationStackName('aws')}: spec.clouds.aws is not set`);
    super(scope, id, { spec, stackName: foundationStackName('aws'), region });
    const environment = spec.name;
    const prefix = spec.infrastructure.organisationPrefix;
    const { account } = this;
    const retentionDays = spec.infrastructure.stateVersionRetentionDays;

    this.key = new KmsKey(this, 'key', {
      description: `Encrypts the Terraform state of ${environment}`,
      enableKeyRotation: true,
      // Longest window: a key scheduled for deletion by mistake can be cancelled for 30 days.
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'key-alias', { name: stateKeyAliasName(environment), targetKeyId: this.key.keyId });

    // `Default` is left out of resource names (see AwsStack): the state bucket keeps the addresses
    // it had before its hardening became a construct (`aws_s3_bucket.bucket`, ...), so Terraform
    // neither replaces it nor needs `moved` blocks.
    this.state = new HardenedBucket(this, HIDDEN_ID, {
      bucketName: stateBucketName(prefix, environment, account),
      encryption: BucketEncryption.kms(this.key),
      retention: { noncurrentVersionDays: retentionDays },
    });

    // Who read or wrote which state when, kept as long as the state versions it explains.
    this.accessLogs = new AccessLogBucket(this, 'log', {
      bucketName: stateLogBucketName(prefix, environment, account),
      source: this.state,
      accountId: account.accountId,
      prefix: ACCESS_LOG_PREFIX,
      retentionDays,
    });

    const replicaRegion = spec.infrastructure.stateReplica?.aws;
    const replica =
      replicaRegion === undefined ? undefined : { region: replicaRegion, provider: addAwsProvider(this, 'aws-replica', { spec, region: replicaRegion, alias: 'replica' }) };
    this.replica =
      replica === undefined
        ? undefined
        : new BucketReplica(this, 'replica', {
            contents: `the Terraform state of ${environment}`,
            label: 'state',
            roleName: `${environment}-tfstate-replication`,
            account,
            source: this.state,
            sourceKey: this.key,
            region: replica.region,
            provider: replica.provider,
            bucketName: stateReplicaBucketName(prefix, environment, account, replica.region),
            logBucketName: stateLogBucketName(prefix, environment, account, replica.region),
            keyAliasName: stateReplicaKeyAliasName(environment),
            logPrefix: ACCESS_LOG_PREFIX,
            retentionDays,
            // Terraform releases a lock by deleting `<key>.tflock` (a delete marker): without
            // this, every lock ever taken stays in the copy and, after a failover to it, every
            // stack looks locked (Terraform v1.11.4 internal/backend/remote-state/s3/client.go
            // unlockWithFile).
            replicateDeleteMarkers: true,
          });

    const store = complianceReportStore(spec, 'aws');
    if (store === undefined) throw new Error(`${environment}: ${this.stackName}: the observability contract names no AWS report store`);
    this.reports = new AwsComplianceReportStore(this, 'reports', { environment, account, store, versionRetentionDays: retentionDays, replica });

    const backups = backupStore(spec, 'aws');
    if (backups === undefined) throw new Error(`${environment}: ${this.stackName}: the backup contract names no AWS backup store`);
    // The state replica's provider serves the backup copy too: both are in stateReplica.aws.
    const backupReplica = backupReplicaRegion(spec, 'aws') === undefined ? undefined : replica;
    this.backups = new AwsBackupStore(this, 'backups', {
      environment,
      account,
      store: backups,
      deletedBackupRetentionDays: spec.backup.deletedBackupRetentionDays,
      replica: backupReplica,
    });

    this.boundary = new WorkloadBoundary(this, 'boundary', { environment });
    // This stack's own roles reference the policy, so Terraform creates it first.
    this.permissionsBoundary.use(this.boundary.policy.arn);
    const clusters = spec.clusters.filter((c) => c.cloud === 'aws');
    this.ci = new CiIdentities(this, 'ci', {
      environment,
      ci: spec.infrastructure.ci,
      account,
      regions: [...new Set([account.region, ...(replicaRegion === undefined ? [] : [replicaRegion]), ...clusters.map((c) => c.region)])].sort(),
      // Roles, policies and aliases are named after the environment or one of its clusters.
      namePrefixes: [...new Set([`${environment}-`, ...clusters.map((c) => `${c.name}-`)])].sort(),
      // Argo CD's roles are named `argocd-<cluster>` (argocdRoleName, which the cluster Secrets
      // and service-account annotations name): without them the apply role could not create them.
      roleNames: [...new Set(clusters.map((c) => argocdRoleName(c.name)))].sort(),
      bucketPrefixes: [stateBucketName(prefix, environment, account), stateLogBucketName(prefix, environment, account), store.bucket, backups.bucket],
      boundary: this.boundary.policy,
      stateBucket: this.state,
      stateKey: this.key,
    });

    const { breakGlass } = spec.infrastructure;
    if (breakGlass === undefined && spec.tier === 'production' && clusters.length > 0) {
      throw new Error(
        `${environment}: ${this.stackName}: infrastructure.breakGlass is not set; a production EKS cluster needs human emergency access that does not depend on Argo CD (fix: set infrastructure.breakGlass.awsPrincipals in environments/${environment}.ts to the on-call engineers' IAM user ARNs)`,
      );
    }
    this.breakGlass =
      breakGlass === undefined
        ? undefined
        : new BreakGlassRole(this, 'break-glass', {
            environment,
            account,
            breakGlass,
            clusterNames: clusters.map((c) => c.name),
            regions: [...new Set(clusters.map((c) => c.region))].sort(),
          });

    this.budget = new MonthlyBudget(this, 'budget', { name: `${environment}-monthly`, budget: spec.infrastructure.budget });
    // One per tenant on the spend tagged with it: needs `tenant` activated as a cost allocation tag in the payer account.
    this.tenantBudgets = tenantCloudBudgets(spec).map((t) => new MonthlyBudget(this, `budget-${t.name}`, { name: t.name, budget: t.budget, tag: t.tag }));

    publishOutputs(
      this,
      FOUNDATION_OUTPUTS,
      {
        state_bucket_name: this.state.bucket.bucket,
        state_bucket_arn: this.state.bucket.arn,
        state_key_arn: this.key.arn,
        state_log_bucket_name: this.accessLogs.bucket.bucket,
        ci_oidc_provider_arn: this.ci.oidcProvider.arn,
        ci_plan_role_arn: this.ci.planRole.arn,
        ci_apply_role_arn: this.ci.applyRole.arn,
        report_bucket_name: this.reports.bucket.bucket.bucket,
        report_bucket_arn: this.reports.bucket.bucket.arn,
        report_key_arn: this.reports.key.arn,
        backup_bucket_arn: this.backups.bucket.bucket.arn,
        backup_key_arn: this.backups.key.arn,
      },
      {
        state_bucket_name: 'State bucket of the environment; the backend of every AWS stack',
        state_bucket_arn: 'ARN of the state bucket, for the read-only drift-check roles',
        state_key_arn: 'KMS key encrypting the state bucket',
        state_log_bucket_name: 'Bucket holding the access logs of the state bucket',
        ci_oidc_provider_arn: 'IAM OIDC provider of GitHub Actions',
        ci_plan_role_arn: 'Role CI assumes to run terraform plan (read-only)',
        ci_apply_role_arn: 'Role CI assumes to run terraform apply',
        report_bucket_name: 'Bucket policy-reporter uploads the compliance reports to',
        report_bucket_arn: "ARN of the report bucket, for the uploaders' roles in the cluster stacks",
        report_key_arn: 'KMS key encrypting the compliance reports',
        backup_bucket_arn: 'ARN of the Velero backup bucket, for the Velero roles in the cluster stacks',
        backup_key_arn: 'KMS key encrypting the Velero backups',
      },
    );
  }
}
