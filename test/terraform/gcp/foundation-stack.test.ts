// The foundation-stack construct tests share this file on purpose: every jest test file loads cdktf and the @cdktf/provider-* modules afresh (~1-1.5 s), which costs more than a small file's tests.
import { Testing, TerraformStack } from 'cdktf';
import { GCP_FOUNDATION_OUTPUTS, GcpFoundationStack, REQUIRED_APIS } from '../../../constructs/terraform/gcp/foundation-stack';
import { stateBucketName, stateKeyName, addGcsStateBackend, gcpRemoteState, gcpStateStore, stateLocation, stateLogBucketName, type GcpStateStore } from '../../../constructs/terraform/gcp/gcs-state-backend';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { standardTags } from '../../../constructs/terraform/tags';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { at, block, blocksOf, GCP_ENVIRONMENTS, gcpBase, synthJson, withInfrastructure, allStrings, withApplyFrom } from './gcp-test-helpers';
import { APPLY_ROLES, applySubject, GITHUB_OIDC_ISSUER, PLAN_ROLES } from '../../../constructs/terraform/gcp/ci-identities';
import type { CiIdentitySpec, EnvironmentSpec } from '../../../environments/types';
import { BILLING_ROLES } from '../../../constructs/terraform/gcp/billing-account-access';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GcpFoundationStack in %s', (env, spec) => {
  const project = spec.clouds.gcp!;
  const json = synthJson(new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, spec));
  const state = block(json, 'google_storage_bucket', 'state-bucket');
  const logs = block(json, 'google_storage_bucket', 'log-bucket');

  it('has no violations', () => {
    const violations = stackViolations(new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, spec), env);
    expect(violations).toEqual([]);
  });

  it('enables every API the GCP stacks call and never disables them on destroy', () => {
    const services = Object.values(blocksOf(json, 'google_project_service'));
    expect(services.map((s) => s.service).sort()).toEqual([...REQUIRED_APIS].sort());
    expect(REQUIRED_APIS).toEqual(
      expect.arrayContaining(['cloudkms', 'storage', 'container', 'iam', 'iamcredentials', 'sts', 'billingbudgets', 'logging', 'compute'].map((s) => `${s}.googleapis.com`)),
    );
    for (const service of services) expect(service).toMatchObject({ disable_on_destroy: false, disable_dependent_services: false });
  });

  it('rotates the state key every 90 days and protects key and key ring from destroy', () => {
    expect(block(json, 'google_kms_key_ring', 'state-key-ring')).toMatchObject({
      name: 'tfstate',
      location: project.region,
      lifecycle: { prevent_destroy: true },
    });
    expect(block(json, 'google_kms_crypto_key', 'state-key-key')).toMatchObject({
      name: 'tfstate',
      key_ring: '${google_kms_key_ring.state-key-ring.id}',
      rotation_period: '7776000s',
      purpose: 'ENCRYPT_DECRYPT',
      lifecycle: { prevent_destroy: true },
    });
  });

  it('lets only the Cloud Storage service agent use the state key and the report key', () => {
    const grants = Object.values(blocksOf(json, 'google_kms_crypto_key_iam_member'));
    expect(grants).toEqual(
      ['reports-key-key', 'state-key-key'].map((key) =>
        expect.objectContaining({
          crypto_key_id: `\${google_kms_crypto_key.${key}.id}`,
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: '${data.google_storage_project_service_account.storage-agent.member}',
        }),
      ),
    );
  });

  it('encrypts both buckets by default with the state key, after the agent may use it', () => {
    for (const bucket of [state, logs]) {
      expect(bucket.encryption).toEqual({ default_kms_key_name: '${google_kms_crypto_key.state-key-key.id}' });
      expect(bucket.depends_on).toEqual(['google_kms_crypto_key_iam_member.state-key-storage-agent']);
    }
  });

  it('names the state bucket from the project, in the project region, and never destroys it', () => {
    expect(state).toMatchObject({
      name: `${project.projectId}-tfstate`,
      location: project.region,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(state.custom_placement_config).toBeUndefined();
  });

  it('enforces uniform bucket-level access and public access prevention on both buckets', () => {
    for (const bucket of [state, logs]) {
      expect(bucket).toMatchObject({ uniform_bucket_level_access: true, public_access_prevention: 'enforced', force_destroy: false });
    }
  });

  it('versions the state and deletes non-current versions after the retention of the spec', () => {
    expect(state.versioning).toEqual({ enabled: true });
    expect(state.lifecycle_rule).toEqual([
      {
        action: { type: 'Delete' },
        condition: { days_since_noncurrent_time: spec.infrastructure.stateVersionRetentionDays, with_state: 'ARCHIVED' },
      },
    ]);
  });

  it('logs access to the state bucket into the separate log bucket, which Cloud Storage may write to', () => {
    expect(state.logging).toEqual({ log_bucket: '${google_storage_bucket.log-bucket.name}', log_object_prefix: `${project.projectId}-tfstate` });
    expect(logs.name).toBe(`${project.projectId}-tfstate-logs`);
    expect(logs.logging).toBeUndefined();
    expect(logs.lifecycle_rule).toEqual([{ action: { type: 'Delete' }, condition: { age: 365 } }]);
    expect(block(json, 'google_storage_bucket_iam_member', 'log-writer')).toMatchObject({
      bucket: '${google_storage_bucket.log-bucket.name}',
      role: 'roles/storage.objectCreator',
      member: 'group:cloud-storage-analytics@google.com',
    });
  });

  it('keeps its own state in its bucket under its prefix, encrypted with the state key', () => {
    expect(at(json, 'terraform', 'backend')).toEqual({
      gcs: { bucket: stateBucketName({ project }), prefix: 'gcp-foundation', kms_encryption_key: stateKeyName({ project }) },
    });
    // The key the backend names is the key this stack creates.
    expect(stateKeyName({ project })).toBe(`projects/${project.projectId}/locations/${project.region}/keyRings/tfstate/cryptoKeys/tfstate`);
  });

  it('labels every resource through the provider default labels and pins the project', () => {
    const providers = at(json, 'provider', 'google');
    expect(providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ project: project.projectId, region: project.region, default_labels: standardTags(spec) }),
        expect.objectContaining({ alias: 'billing', user_project_override: true, billing_project: project.projectId, default_labels: standardTags(spec) }),
      ]),
    );
    expect(standardTags(spec)).toMatchObject({ env, 'cost-centre': spec.costCentre });
  });

  describe('the compliance report store', () => {
    const store = complianceReportStore(spec, 'gcp')!;
    const reports = block(json, 'google_storage_bucket', 'reports-bucket');

    it(`is the bucket the observability contract names (${store.bucket}), with every setting of the state bucket`, () => {
      expect(reports.name).toBe(store.bucket);
      const shared = (bucket: Record<string, unknown>) => {
        const { name: _n, lifecycle_rule: _r, logging: _l, encryption: _e, depends_on: _d, ...rest } = bucket;
        return rest;
      };
      expect(shared(reports)).toEqual(shared(state));
      expect(reports).toMatchObject({ uniform_bucket_level_access: true, public_access_prevention: 'enforced', versioning: { enabled: true }, force_destroy: false });
    });

    it('encrypts reports with a rotated key of their own ring, after the storage agent may use it', () => {
      expect(block(json, 'google_kms_key_ring', 'reports-key-ring')).toMatchObject({ name: 'compliance-reports', location: project.region });
      expect(block(json, 'google_kms_crypto_key', 'reports-key-key')).toMatchObject({ rotation_period: '7776000s', lifecycle: { prevent_destroy: true } });
      expect(reports.encryption).toEqual({ default_kms_key_name: '${google_kms_crypto_key.reports-key-key.id}' });
      expect(reports.depends_on).toEqual(['google_kms_crypto_key_iam_member.reports-key-storage-agent']);
    });

    it(`deletes reports after ${REPORT_RETENTION_DAYS} days and replaced versions after the spec retention, and logs access to the log bucket`, () => {
      expect(reports.lifecycle_rule).toEqual([
        { action: { type: 'Delete' }, condition: { age: REPORT_RETENTION_DAYS } },
        { action: { type: 'Delete' }, condition: { days_since_noncurrent_time: spec.infrastructure.stateVersionRetentionDays, with_state: 'ARCHIVED' } },
      ]);
      expect(reports.logging).toEqual({ log_bucket: '${google_storage_bucket.log-bucket.name}', log_object_prefix: store.bucket });
    });

    it('grants nobody anything on the bucket here: the uploaders are granted in the cluster stacks', () => {
      expect(Object.values(blocksOf(json, 'google_storage_bucket_iam_member')).map((m) => m.bucket)).not.toContain('${google_storage_bucket.reports-bucket.name}');
    });
  });

  it('publishes every output of its shape', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(GCP_FOUNDATION_OUTPUTS).sort());
    expect(at(json, 'output', 'state_bucket', 'value')).toBe('${google_storage_bucket.state-bucket.name}');
    expect(at(json, 'output', 'workload_identity_provider', 'value')).toBe('${google_iam_workload_identity_pool_provider.ci-github.name}');
    expect(at(json, 'output', 'report_bucket', 'value')).toBe('${google_storage_bucket.reports-bucket.name}');
    expect(at(json, 'output', 'report_key', 'value')).toBe('${google_kms_crypto_key.reports-key-key.id}');
  });
});

describe('GcpFoundationStack with a state replica', () => {
  const { spec } = gcpBase();
  const replicated = withInfrastructure(spec, { stateReplica: { gcp: 'europe-west4' } });
  const json = synthJson(new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, replicated));

  it('stores the state and the compliance reports in dual-region buckets of the project region and the replica region', () => {
    for (const name of ['state-bucket', 'log-bucket', 'reports-bucket']) {
      expect(block(json, 'google_storage_bucket', name)).toMatchObject({
        location: 'EU',
        custom_placement_config: { data_locations: [spec.clouds.gcp!.region.toUpperCase(), 'EUROPE-WEST4'] },
      });
    }
  });

  it('keeps the key in the multi-region of the bucket and the backend pointing at it', () => {
    expect(block(json, 'google_kms_key_ring', 'state-key-ring').location).toBe('europe');
    expect(block(json, 'google_kms_key_ring', 'reports-key-ring').location).toBe('europe');
    expect(at(json, 'terraform', 'backend', 'gcs', 'kms_encryption_key')).toBe(
      `projects/${spec.clouds.gcp!.projectId}/locations/europe/keyRings/tfstate/cryptoKeys/tfstate`,
    );
  });

  it('rejects a replica that cannot form a dual-region with the project region', () => {
    const far = withInfrastructure(spec, { stateReplica: { gcp: 'us-central1' } });
    expect(() => new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, far)).toThrow(/not in one multi-region/);
  });
});

function foundationJson(spec: EnvironmentSpec): Record<string, unknown> {
  return synthJson(new GcpFoundationStack(Testing.app(), GcpFoundationStack.LAYER, spec));
}

const POOL = '${google_iam_workload_identity_pool.ci-pool.name}';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GitHub CI identities in %s', (_env, spec) => {
  const { repository } = spec.infrastructure.ci;
  const json = foundationJson(spec);

  it('trusts GitHub Actions tokens of the one repository only', () => {
    const provider = block(json, 'google_iam_workload_identity_pool_provider', 'ci-github');
    expect(provider).toMatchObject({
      workload_identity_pool_id: '${google_iam_workload_identity_pool.ci-pool.workload_identity_pool_id}',
      oidc: { issuer_uri: GITHUB_OIDC_ISSUER },
      attribute_condition: `assertion.repository_id == '${spec.infrastructure.ci.repositoryId}' && assertion.repository == '${repository}'`,
    });
    expect(GITHUB_OIDC_ISSUER).toBe('https://token.actions.githubusercontent.com');
    expect(provider.attribute_mapping).toMatchObject({
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_id': 'assertion.repository_id',
      'attribute.ref': 'assertion.ref',
    });
  });

  it('lets any workflow of the repository impersonate tf-plan', () => {
    expect(block(json, 'google_service_account', 'ci-plan').account_id).toBe('tf-plan');
    expect(block(json, 'google_service_account_iam_member', 'ci-plan-federation')).toMatchObject({
      service_account_id: '${google_service_account.ci-plan.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/${POOL}/attribute.repository/${repository}`,
    });
  });

  it('lets only the applyFrom subject impersonate tf-apply', () => {
    expect(block(json, 'google_service_account', 'ci-apply').account_id).toBe('tf-apply');
    expect(block(json, 'google_service_account_iam_member', 'ci-apply-federation')).toMatchObject({
      service_account_id: '${google_service_account.ci-apply.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principal://iam.googleapis.com/${POOL}/subject/${applySubject(spec.infrastructure.ci)}`,
    });
  });

  it('binds each service account to exactly one federated member and never to a wildcard', () => {
    const bindings = Object.values(blocksOf(json, 'google_service_account_iam_member')).filter((b) => b.role === 'roles/iam.workloadIdentityUser');
    expect(bindings).toHaveLength(2);
    for (const binding of bindings) expect(binding.member).not.toMatch(/\*/);
  });

  it('gives plan read-only project roles and apply the narrower-than-editor set', () => {
    const members = Object.values(blocksOf(json, 'google_project_iam_member'));
    const rolesOf = (account: string): unknown[] => members.filter((m) => m.member === `\${google_service_account.${account}.member}`).map((m) => m.role);
    // Terraform JSON lists resources by name, so compare as sets.
    expect(rolesOf('ci-plan').sort()).toEqual([...PLAN_ROLES].sort());
    expect(rolesOf('ci-apply').sort()).toEqual([...APPLY_ROLES].sort());
    expect(PLAN_ROLES).toContain('roles/viewer');
    expect([...PLAN_ROLES, ...APPLY_ROLES]).not.toContain('roles/editor');
    expect([...PLAN_ROLES, ...APPLY_ROLES]).not.toContain('roles/owner');
  });

  it('lets plan read the state and write lock objects only', () => {
    expect(block(json, 'google_storage_bucket_iam_member', 'ci-plan-state-read')).toMatchObject({
      bucket: '${google_storage_bucket.state-bucket.name}',
      role: 'roles/storage.objectViewer',
      member: '${google_service_account.ci-plan.member}',
    });
    const lock = block(json, 'google_storage_bucket_iam_member', 'ci-plan-state-lock');
    expect(lock).toMatchObject({ role: 'roles/storage.objectAdmin', member: '${google_service_account.ci-plan.member}' });
    expect(lock.condition).toMatchObject({
      expression: "resource.name.startsWith('projects/_/buckets/${google_storage_bucket.state-bucket.name}/objects/') && resource.name.endsWith('.tflock')",
    });
  });

  it('creates no service account key', () => {
    expect(blocksOf(json, 'google_service_account_key')).toEqual({});
    expect(allStrings(json).some((s) => s.includes('private_key'))).toBe(false);
  });
});

describe('the workload identity provider condition', () => {
  const { spec } = gcpBase();
  const condition = (ci: CiIdentitySpec): unknown =>
    block(foundationJson({ ...spec, infrastructure: { ...spec.infrastructure, ci } }), 'google_iam_workload_identity_pool_provider', 'ci-github').attribute_condition;

  it("pins the repository's id from the spec, so that a re-created repository of the same name is not trusted", () => {
    const ci = spec.infrastructure.ci;
    expect(condition({ ...ci, repositoryId: '42' })).toBe(`assertion.repository_id == '42' && assertion.repository == '${ci.repository}'`);
    expect(condition({ ...ci, repositoryId: '43' })).not.toBe(condition({ ...ci, repositoryId: '42' }));
  });
});

describe('the apply binding per applyFrom', () => {
  const { spec } = gcpBase();
  const { repository } = spec.infrastructure.ci;
  const applyMember = (s: EnvironmentSpec): unknown => block(foundationJson(s), 'google_service_account_iam_member', 'ci-apply-federation').member;

  it('matches pushes to the branch for kind branch', () => {
    const s = withApplyFrom(spec, { kind: 'branch', name: 'release' });
    expect(applyMember(s)).toBe(`principal://iam.googleapis.com/${POOL}/subject/repo:${repository}:ref:refs/heads/release`);
  });

  it('matches jobs of the deployment environment for kind environment', () => {
    const s = withApplyFrom(spec, { kind: 'environment', name: 'production' });
    expect(applyMember(s)).toBe(`principal://iam.googleapis.com/${POOL}/subject/repo:${repository}:environment:production`);
  });

  it('leaves the plan binding on the whole repository in both cases', () => {
    for (const applyFrom of [{ kind: 'branch', name: 'main' }, { kind: 'environment', name: 'production' }] as const) {
      const json = foundationJson(withApplyFrom(spec, applyFrom));
      expect(block(json, 'google_service_account_iam_member', 'ci-plan-federation').member).toBe(
        `principalSet://iam.googleapis.com/${POOL}/attribute.repository/${repository}`,
      );
    }
  });
});

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GCP budget in %s', (env, spec) => {
  const { budget } = spec.infrastructure;
  const json = foundationJson(spec);
  const billingBudget = block(json, 'google_billing_budget', 'budget-budget');

  it("limits the month to the amount and currency of the spec on the spec's billing account", () => {
    expect(billingBudget).toMatchObject({
      billing_account: spec.clouds.gcp!.billingAccount,
      amount: { specified_amount: { currency_code: budget.currency, units: String(budget.monthlyLimit) } },
    });
  });

  it('takes the billing account from the spec, for the budget and for every grant on it', () => {
    const other = foundationJson({ ...spec, clouds: { ...spec.clouds, gcp: { ...spec.clouds.gcp!, billingAccount: '00AA11-22BB33-44CC55' } } });
    expect(block(other, 'google_billing_budget', 'budget-budget').billing_account).toBe('00AA11-22BB33-44CC55');
    const grants = Object.values(blocksOf(other, 'google_billing_account_iam_member'));
    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) expect(grant.billing_account_id).toBe('00AA11-22BB33-44CC55');
  });

  it('lets the plan identity read the budget and the apply identity manage it, on the billing account and nothing more', () => {
    const grants = Object.values(blocksOf(json, 'google_billing_account_iam_member')).map((g) => `${String(g.member)} ${String(g.role)}`);
    expect(grants.sort()).toEqual(
      ['${google_service_account.ci-apply.member} roles/billing.costsManager', '${google_service_account.ci-plan.member} roles/billing.viewer'].sort(),
    );
    expect(BILLING_ROLES).toEqual({ 'read-budget': 'roles/billing.viewer', 'manage-budget': 'roles/billing.costsManager' });
    expect(REQUIRED_APIS).toContain('cloudbilling.googleapis.com');
  });

  it('alerts on actual spend at every threshold of the spec', () => {
    expect(billingBudget.threshold_rules).toEqual(
      budget.alertThresholds.map((percent) => ({ threshold_percent: percent / 100, spend_basis: 'CURRENT_SPEND' })),
    );
  });

  it('counts the spend of the environment project labelled with the environment', () => {
    expect(billingBudget.budget_filter).toEqual({
      projects: ['projects/${data.google_project.budget-project.number}'],
      labels: { env },
      calendar_period: 'MONTH',
      credit_types_treatment: 'INCLUDE_ALL_CREDITS',
    });
    expect(block(json, 'google_project', 'budget-project', 'data').project_id).toBe(spec.clouds.gcp!.projectId);
  });

  it('sends every alert to one labelled e-mail channel per address', () => {
    const channels = blocksOf(json, 'google_monitoring_notification_channel');
    // Terraform JSON lists resources by name, so compare as sets.
    expect(Object.values(channels).map((c) => (c.labels as Record<string, string>).email_address).sort()).toEqual([...budget.notifyEmails].sort());
    for (const channel of Object.values(channels)) {
      expect(channel).toMatchObject({ type: 'email', user_labels: standardTags(spec) });
    }
    const rule = billingBudget.all_updates_rule as { monitoring_notification_channels: string[]; disable_default_iam_recipients: boolean };
    expect(rule.disable_default_iam_recipients).toBe(false);
    expect([...rule.monitoring_notification_channels].sort()).toEqual(
      Object.keys(channels).map((name) => `\${google_monitoring_notification_channel.${name}.id}`).sort(),
    );
  });

  it('calls the Budget API through the provider that bills quota to the project', () => {
    expect(billingBudget.provider).toBe('google.billing');
  });
});

describe('GCP budget variants', () => {
  const { spec } = gcpBase();

  it('follows other thresholds, amounts and currencies of the spec', () => {
    const other = withInfrastructure(spec, {
      budget: { ...spec.infrastructure.budget, monthlyLimit: 1234.5, currency: 'EUR', alertThresholds: [25, 90, 120] },
    });
    const json = foundationJson(other);
    const budget = block(json, 'google_billing_budget', 'budget-budget');
    expect(budget.amount).toEqual({ specified_amount: { currency_code: 'EUR', units: '1234', nanos: 500000000 } });
    expect((budget.threshold_rules as { threshold_percent: number }[]).map((r) => r.threshold_percent)).toEqual([0.25, 0.9, 1.2]);
  });

  it('rejects more than five recipients, the most a GCP budget notifies', () => {
    const many = withInfrastructure(spec, {
      budget: { ...spec.infrastructure.budget, notifyEmails: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}@acme.example`) },
    });
    expect(() => foundationJson(many)).toThrow(/notifyEmails has 6 addresses; a GCP budget notifies at most 5 channels/);
  });
});

const project = { projectId: 'acme-platform-test', region: 'europe-west1', billingAccount: '0A1B2C-3D4E5F-6A7B8C' };
const single: GcpStateStore = { project };
const dual: GcpStateStore = { project, replica: 'europe-west4' };

describe('GCP state store names', () => {
  it('derives the bucket names from the project id', () => {
    expect(stateBucketName(single)).toBe('acme-platform-test-tfstate');
    expect(stateLogBucketName(single)).toBe('acme-platform-test-tfstate-logs');
  });

  it('keeps bucket and key in the project region without a replica', () => {
    expect(stateLocation(single)).toEqual({ bucket: 'europe-west1', kms: 'europe-west1' });
    expect(stateKeyName(single)).toBe('projects/acme-platform-test/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate');
  });

  it('makes the bucket a dual-region of both regions and moves the key to their multi-region with a replica', () => {
    expect(stateLocation(dual)).toEqual({ bucket: 'EU', dualRegion: ['EUROPE-WEST1', 'EUROPE-WEST4'], kms: 'europe' });
    expect(stateKeyName(dual)).toBe('projects/acme-platform-test/locations/europe/keyRings/tfstate/cryptoKeys/tfstate');
  });

  it('rejects a replica outside the multi-region of the project region', () => {
    expect(() => stateLocation({ project, replica: 'us-east1' })).toThrow(/'us-east1' and the project region 'europe-west1' are not in one multi-region/);
  });

  it('takes the project and the replica from the spec', () => {
    const { spec } = gcpBase();
    expect(gcpStateStore(withInfrastructure(spec, { stateReplica: { gcp: 'europe-west4' } }))).toEqual({ project: spec.clouds.gcp, replica: 'europe-west4' });
  });

  it('rejects an environment without a GCP project', () => {
    const { spec } = gcpBase();
    expect(() => gcpStateStore({ ...spec, clouds: {} })).toThrow(/spec\.clouds\.gcp is not set/);
  });
});

describe('the GCS backend and remote state', () => {
  it('keeps each stack under its own prefix, encrypted with the state key, with GCS native locking', () => {
    const stack = new TerraformStack(Testing.app(), 'probe');
    addGcsStateBackend(stack, { store: single, stackName: 'gcp-network-a' });
    expect(at(synthJson(stack), 'terraform', 'backend')).toEqual({
      gcs: {
        bucket: 'acme-platform-test-tfstate',
        prefix: 'gcp-network-a',
        kms_encryption_key: 'projects/acme-platform-test/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate',
      },
    });
  });

  it('reads another stack with the same bucket, prefix and key as its backend', () => {
    const stack = new TerraformStack(Testing.app(), 'probe');
    addGcsStateBackend(stack, { store: dual, stackName: 'gcp-cluster-a' });
    gcpRemoteState(stack, 'network', { store: dual, stackName: 'gcp-network-a' });
    const json = synthJson(stack);
    expect(at(json, 'data', 'terraform_remote_state', 'network')).toEqual({
      backend: 'gcs',
      config: {
        bucket: 'acme-platform-test-tfstate',
        prefix: 'gcp-network-a',
        kms_encryption_key: 'projects/acme-platform-test/locations/europe/keyRings/tfstate/cryptoKeys/tfstate',
      },
    });
  });
});
