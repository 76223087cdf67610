import { Testing } from 'cdktf';
import { complianceReportStore } from '../../../constructs/core/observability-contract';
import { REPORT_RETENTION_DAYS } from '../../../constructs/terraform/compliance-report-retention';
import { GCP_FOUNDATION_OUTPUTS, GcpFoundationStack, REQUIRED_APIS } from '../../../constructs/terraform/gcp/foundation-stack';
import { stateBucketName, stateKeyName } from '../../../constructs/terraform/gcp/gcs-state-backend';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import { standardTags } from '../../../constructs/terraform/tags';
import { at, block, blocksOf, synthJson, withInfrastructure } from '../terraform-json';
import { GCP_ENVIRONMENTS, gcpBase } from './gcp-test-helpers';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GcpFoundationStack in %s', (env, spec) => {
  const project = spec.clouds.gcp!;
  // Production keeps a replica: the buckets become a dual-region of the EU multi-region and the keys
  // move to its KMS multi-region (the single-region and dual-region names have their own tests below).
  const replica = spec.infrastructure.stateReplica?.gcp;
  const keyLocation = replica === undefined ? project.region : 'europe';
  const json = synthJson(new GcpFoundationStack(Testing.app(), foundationStackName('gcp'), { spec }));
  const state = block(json, 'google_storage_bucket', 'state-bucket');
  const logs = block(json, 'google_storage_bucket', 'log-bucket');

  it('has no violations', () => {
    const violations = stackViolations(new GcpFoundationStack(Testing.app(), foundationStackName('gcp'), { spec }), env);
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
      location: keyLocation,
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

  it('lets only the Cloud Storage service agent use the state key, the report key and the backup key', () => {
    const grants = Object.values(blocksOf(json, 'google_kms_crypto_key_iam_member'));
    expect(grants).toEqual(
      ['backups-key-key', 'reports-key-key', 'state-key-key'].map((key) =>
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

  it('names the state bucket from the project, in the project region (with the replica region when there is one), and never destroys it', () => {
    expect(state).toMatchObject({
      name: `${project.projectId}-tfstate`,
      location: replica === undefined ? project.region : 'EU',
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(state.custom_placement_config).toEqual(replica === undefined ? undefined : { data_locations: [project.region.toUpperCase(), replica.toUpperCase()] });
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
      gcs: { bucket: stateBucketName({ project, replica }), prefix: 'gcp-foundation', kms_encryption_key: stateKeyName({ project, replica }) },
    });
    // The key the backend names is the key this stack creates.
    expect(stateKeyName({ project, replica })).toBe(`projects/${project.projectId}/locations/${keyLocation}/keyRings/tfstate/cryptoKeys/tfstate`);
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
      expect(block(json, 'google_kms_key_ring', 'reports-key-ring')).toMatchObject({ name: 'compliance-reports', location: keyLocation });
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
  // A region of the same multi-region other than the project's.
  const replicaRegion = spec.clouds.gcp!.region === 'europe-west4' ? 'europe-west1' : 'europe-west4';
  const replicated = withInfrastructure(spec, { stateReplica: { gcp: replicaRegion } });
  const json = synthJson(new GcpFoundationStack(Testing.app(), foundationStackName('gcp'), { spec: replicated }));

  it('stores the state and the compliance reports in dual-region buckets of the project region and the replica region', () => {
    for (const name of ['state-bucket', 'log-bucket', 'reports-bucket']) {
      expect(block(json, 'google_storage_bucket', name)).toMatchObject({
        location: 'EU',
        custom_placement_config: { data_locations: [spec.clouds.gcp!.region.toUpperCase(), replicaRegion.toUpperCase()] },
      });
    }
  });

  it('keeps the key in the multi-region of the bucket and the backend pointing at it', () => {
    expect(block(json, 'google_kms_key_ring', 'state-key-ring').location).toBe('europe');
    expect(block(json, 'google_kms_key_ring', 'reports-key-ring').location).toBe('europe');
    expect(at(json, 'terraform', 'backend', 'gcs', 'kms_encryption_key')).toBe(`projects/${spec.clouds.gcp!.projectId}/locations/europe/keyRings/tfstate/cryptoKeys/tfstate`);
  });

  it('rejects a replica that cannot form a dual-region with the project region', () => {
    const far = withInfrastructure(spec, { stateReplica: { gcp: 'us-central1' } });
    expect(() => new GcpFoundationStack(Testing.app(), foundationStackName('gcp'), { spec: far })).toThrow(/not in one multi-region/);
  });
});
