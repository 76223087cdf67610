import { tfStateReplication as rule } from '../../../constructs/rules/terraform/tf-state-replication';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, prod, resource, staging } from '../fixtures';
import { awsStateStore, azureStateStore, gcpStateStore, viewsOf } from '../storage-fixtures';

describe('tf-state-replication', () => {
  it('runs in production only', () => {
    const store = awsStateStore(staging);
    expect(checkTerraform(rule, store.bucket, viewsOf({ ...store, replication: undefined }), staging)).toBeUndefined();
  });

  it('accepts a production state bucket replicated by an enabled rule', () => {
    const store = awsStateStore(prod);
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store), prod));
  });

  it('rejects a production state bucket without replication', () => {
    const store = awsStateStore(prod);
    expectFailure(checkTerraform(rule, store.bucket, viewsOf({ ...store, replication: undefined }), prod), {
      field: 'aws_s3_bucket_replication_configuration.rule',
      fix: /eu-central-1/,
    });
  });

  it('rejects production state when the spec declares no replica region', () => {
    const store = awsStateStore(prod);
    const noReplica = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: undefined } };
    expectFailure(checkTerraform(rule, store.bucket, viewsOf(store), noReplica), { field: 'infrastructure.stateReplica.aws' });
  });

  it('does not check the replica itself or log buckets', () => {
    const store = awsStateStore(prod);
    expectNotApplicable(checkTerraform(rule, store.replica, viewsOf(store), prod));
    expectNotApplicable(checkTerraform(rule, store.logs, viewsOf(store), prod));
  });

  it('accepts geo-redundant Azure storage', () => {
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { azure: 'northeurope' } } };
    const { account } = azureStateStore(spec);
    expectCompliant(checkTerraform(rule, account, [account], spec));
  });

  it('rejects zone-redundant Azure storage', () => {
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { azure: 'northeurope' } } };
    const zrs = resource('azurerm_storage_account', 'zrs', { account_replication_type: 'ZRS', blob_properties: { versioning_enabled: true } });
    expectFailure(checkTerraform(rule, zrs, [zrs], spec), { field: 'account_replication_type', value: 'ZRS' });
  });

  it('accepts a multi-region GCS bucket or one placed in two regions', () => {
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { gcp: 'europe-west4' } } };
    const store = gcpStateStore(spec);
    expectCompliant(checkTerraform(rule, store.bucket, viewsOf(store), spec));
    const placed = resource('google_storage_bucket', 'placed', {
      location: 'EU',
      versioning: { enabled: true },
      custom_placement_config: { data_locations: ['EUROPE-WEST1', 'EUROPE-WEST4'] },
    });
    expectCompliant(checkTerraform(rule, placed, [placed], spec));
  });

  it('rejects a regional GCS bucket', () => {
    const spec = { ...prod, infrastructure: { ...prod.infrastructure, stateReplica: { gcp: 'europe-west4' } } };
    const regional = resource('google_storage_bucket', 'regional', { location: 'europe-west1', versioning: { enabled: true } });
    expectFailure(checkTerraform(rule, regional, [regional], spec), { field: 'location', value: 'europe-west1' });
  });
});
