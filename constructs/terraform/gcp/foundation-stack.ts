import { DataGoogleStorageProjectServiceAccount } from '@cdktf/provider-google/lib/data-google-storage-project-service-account';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { Construct } from 'constructs';
import { backupStore } from '../../core/backup-contract';
import { complianceReportStore } from '../../core/observability-contract';
import { backupReplicaRegion } from '../backup-replica';
import { foundationStackName } from '../stack-names';
import { type OutputShape, publishOutputs } from '../stack-outputs';
import { standardTags } from '../tags';
import { tenantCloudBudgets } from '../tenant-budgets';
import type { TerraformEnvironment } from '../terraform-environment';
import { GcpBackupStore } from './backup-store';
import { grantBillingAccess } from './billing-account-access';
import { GcpBudget } from './budget';
import { GithubCiIdentities } from './ci-identities';
import { GcpComplianceReportStore } from './compliance-report-store';
import { CustomerManagedKey } from './customer-managed-key';
import { addGoogleProvider, GcpStack } from './gcp-stack';
import { STATE_KEY, STATE_KEY_RING, stateBucketName, stateLocation, stateLogBucketName } from './gcs-state-backend';
import { privateBucketSettings } from './private-bucket';

/**
 * APIs the GCP stacks of an environment call, enabled once here so that the network and cluster
 * stacks (applied after this one) find them on. Beyond the obvious ones: `iamcredentials` and `sts`
 * serve the CI's workload identity federation, `monitoring` the budget's e-mail channels,
 * `cloudbilling` the grants on the billing account (billing-account-access.ts),
 * `cloudresourcemanager` the project IAM grants and project lookups.
 */
export const REQUIRED_APIS: readonly string[] = [
  'cloudkms.googleapis.com',
  'storage.googleapis.com',
  'container.googleapis.com',
  'compute.googleapis.com',
  'iam.googleapis.com',
  'iamcredentials.googleapis.com',
  'sts.googleapis.com',
  'billingbudgets.googleapis.com',
  'cloudbilling.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'cloudresourcemanager.googleapis.com',
];

/** Days access logs of the state bucket are kept: a year of who read or wrote which state. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

/** Group Cloud Storage writes usage and storage logs as; it needs to create objects in the log bucket. */
const STORAGE_LOG_WRITER = 'group:cloud-storage-analytics@google.com';

/** What the foundation publishes for CI configuration and other stacks. */
export const GCP_FOUNDATION_OUTPUTS = {
  state_bucket: 'string',
  state_key: 'string',
  access_log_bucket: 'string',
  workload_identity_provider: 'string',
  plan_service_account: 'string',
  apply_service_account: 'string',
  budget_name: 'string',
  report_bucket: 'string',
  report_key: 'string',
  backup_bucket: 'string',
} as const satisfies OutputShape;

export interface GcpFoundationStackProps {
  /** The environment: its project (`clouds.gcp`), CI, budget and state settings, tags. */
  readonly spec: TerraformEnvironment;
}

/**
 * The base of one GCP environment: the APIs, the Terraform state store (a CMEK-encrypted,
 * versioned, private bucket with access logs), the CI identities, the bucket of the compliance
 * reports (`GcpComplianceReportStore`), the bucket of the Velero backups (`GcpBackupStore`) and
 * the monthly budget. Every
 * other GCP stack of the environment keeps its state in this bucket (see `addGcsStateBackend`).
 *
 * The stack keeps its own state in the bucket it creates, so the first apply is a bootstrap, run
 * by a project owner:
 *
 * 1. Comment out the synthesized `backend "gcs"` block (its bucket does not exist yet) and run
 *    `terraform init && terraform apply` with a local state: it creates the APIs, the key, the
 *    buckets, the CI identities and the budget.
 * 2. Restore the `backend "gcs"` block and run `terraform init -migrate-state`, which copies the
 *    local state to `gcp-foundation/default.tfstate` in the new bucket, encrypted with the key.
 * 3. Delete the local `terraform.tfstate*` files; from now on CI plans and applies through the
 *    bucket with the `tf-plan` and `tf-apply` identities.
 *
 * The key and both buckets are `prevent_destroy` and the buckets are never force-destroyed:
 * losing either loses every state of the environment.
 *
 * Replica: with `infrastructure.stateReplica.gcp` set, the state bucket is a configurable
 * dual-region of the project's region and the replica region (every object stored in both; the
 * bucket survives the loss of one region) and the key lives in the multi-region holding both
 * (see `stateLocation`). Changing between single and dual region replaces the bucket: migrate the
 * state by hand before applying such a change.
 */
export class GcpFoundationStack extends GcpStack {
  readonly stateBucket: StorageBucket;
  readonly logBucket: StorageBucket;
  readonly stateKey: CustomerManagedKey;
  readonly ci: GithubCiIdentities;
  readonly budget: GcpBudget;
  /** A budget per tenant on the project's spend labelled `tenant=<name>` (tenant-budgets.ts). */
  readonly tenantBudgets: readonly GcpBudget[];
  readonly reports: GcpComplianceReportStore;
  readonly backups: GcpBackupStore;

  constructor(scope: Construct, id: string, props: GcpFoundationStackProps) {
    const { spec } = props;
    super(scope, id, { spec, stackName: foundationStackName('gcp') });
    const { store, project } = this;
    const location = stateLocation(store);
    const retentionDays = spec.infrastructure.stateVersionRetentionDays;

    // Not disabled on destroy: the clusters and anything else in the project keep using them.
    const apis = new Map(
      REQUIRED_APIS.map((service) => [
        service,
        new ProjectService(this, `api-${service.replace('.googleapis.com', '')}`, {
          service,
          disableOnDestroy: false,
          disableDependentServices: false,
        }),
      ]),
    );
    // The APIs a group of resources calls: created after those are enabled, not in parallel.
    const after = (...services: string[]): ProjectService[] =>
      services.map((name) => {
        const api = apis.get(`${name}.googleapis.com`);
        if (api === undefined) throw new Error(`${spec.name}: ${this.stackName}: ${name}.googleapis.com is not in REQUIRED_APIS`);
        return api;
      });

    // The Cloud Storage service agent encrypts and decrypts objects with the bucket's default key;
    // reading the data source also creates the agent if the project has none yet.
    const storageAgent = new DataGoogleStorageProjectServiceAccount(this, 'storage-agent', { dependsOn: after('storage') });
    this.stateKey = new CustomerManagedKey(this, 'state-key', {
      keyRing: STATE_KEY_RING,
      key: STATE_KEY,
      location: location.kms,
      users: [{ id: 'storage-agent', member: storageAgent.member }],
      dependsOn: after('cloudkms'),
    });
    const keyName = this.stateKey.key.id;

    this.logBucket = new StorageBucket(this, 'log-bucket', {
      ...privateBucketSettings(location, keyName),
      name: stateLogBucketName(store),
      lifecycleRule: [{ action: { type: 'Delete' }, condition: { age: ACCESS_LOG_RETENTION_DAYS } }],
      dependsOn: [...this.stateKey.grants],
    });
    new StorageBucketIamMember(this, 'log-writer', {
      bucket: this.logBucket.name,
      role: 'roles/storage.objectCreator',
      member: STORAGE_LOG_WRITER,
    });

    this.stateBucket = new StorageBucket(this, 'state-bucket', {
      ...privateBucketSettings(location, keyName),
      name: stateBucketName(store),
      // Every earlier version of a state stays recoverable after a bad apply or a corrupt write,
      // for `stateVersionRetentionDays` after it was replaced.
      versioning: { enabled: true },
      lifecycleRule: [
        {
          action: { type: 'Delete' },
          condition: { daysSinceNoncurrentTime: retentionDays, withState: 'ARCHIVED' },
        },
      ],
      logging: { logBucket: this.logBucket.name, logObjectPrefix: stateBucketName(store) },
      dependsOn: [...this.stateKey.grants],
    });

    const reportStore = complianceReportStore(spec, 'gcp');
    if (reportStore === undefined) throw new Error(`${spec.name}: ${this.stackName}: the observability contract names no GCP report store`);
    this.reports = new GcpComplianceReportStore(this, 'reports', {
      store: reportStore,
      location,
      storageAgent: storageAgent.member,
      logBucket: this.logBucket.name,
      versionRetentionDays: retentionDays,
      dependsOn: after('cloudkms'),
    });

    const backups = backupStore(spec, 'gcp');
    if (backups === undefined) throw new Error(`${spec.name}: ${this.stackName}: the backup contract names no GCP backup store`);
    this.backups = new GcpBackupStore(this, 'backups', {
      project,
      store: backups,
      replica: backupReplicaRegion(spec, 'gcp'),
      storageAgent: storageAgent.member,
      logBucket: this.logBucket.name,
      deletedBackupRetentionDays: spec.backup.deletedBackupRetentionDays,
      dependsOn: after('cloudkms'),
    });

    this.ci = new GithubCiIdentities(this, 'ci', {
      project,
      ci: spec.infrastructure.ci,
      stateBucket: this.stateBucket,
      dependsOn: after('iam', 'iamcredentials', 'sts', 'cloudresourcemanager'),
    });

    // The budget's roles, on the billing account: plan reads it, apply manages it.
    const billingApi = after('cloudbilling');
    grantBillingAccess(this, 'ci-plan-billing', { billingAccount: project.billingAccount, member: this.ci.plan.member, access: 'read-budget', dependsOn: billingApi });
    grantBillingAccess(this, 'ci-apply-billing', { billingAccount: project.billingAccount, member: this.ci.apply.member, access: 'manage-budget', dependsOn: billingApi });

    const billing = addGoogleProvider(this, 'google-billing', { spec, region: project.region, alias: 'billing', quotaProject: true });
    const budgetApis = after('monitoring', 'billingbudgets', 'cloudresourcemanager');
    this.budget = new GcpBudget(this, 'budget', {
      environment: spec.name,
      project,
      budget: spec.infrastructure.budget,
      labels: standardTags(spec),
      quotaProvider: billing,
      dependsOn: budgetApis,
    });
    this.tenantBudgets = tenantCloudBudgets(spec).map(
      (t) =>
        new GcpBudget(this, `budget-${t.name}`, {
          environment: spec.name,
          project,
          budget: t.budget,
          labels: standardTags(spec),
          tag: t.tag,
          quotaProvider: billing,
          dependsOn: budgetApis,
        }),
    );

    publishOutputs(
      this,
      GCP_FOUNDATION_OUTPUTS,
      {
        state_bucket: this.stateBucket.name,
        state_key: keyName,
        access_log_bucket: this.logBucket.name,
        workload_identity_provider: this.ci.provider.name,
        plan_service_account: this.ci.plan.email,
        apply_service_account: this.ci.apply.email,
        budget_name: this.budget.budget.name,
        report_bucket: this.reports.bucket.name,
        report_key: this.reports.key.key.id,
        backup_bucket: this.backups.bucket.name,
      },
      {
        state_bucket: 'State bucket of the environment; the backend of every GCP stack',
        state_key: 'Cloud KMS key encrypting the state and its access logs',
        access_log_bucket: 'Bucket receiving the access logs of the state bucket',
        workload_identity_provider: 'Workload identity provider for google-github-actions/auth (workload_identity_provider)',
        plan_service_account: 'Service account CI impersonates for terraform plan',
        apply_service_account: 'Service account CI impersonates for terraform apply',
        budget_name: 'Resource name of the monthly budget',
        report_bucket: 'Bucket policy-reporter uploads the compliance reports to',
        report_key: 'Cloud KMS key encrypting the compliance reports',
        backup_bucket: 'Bucket Velero writes the backups to, each cluster below its own prefix',
      },
    );
  }
}
