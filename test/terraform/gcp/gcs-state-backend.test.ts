import { TerraformStack, Testing } from 'cdktf';
import {
  addGcsStateBackend,
  type GcpStateStore,
  gcpRemoteState,
  gcpStateStore,
  stateBucketName,
  stateKeyName,
  stateLocation,
  stateLogBucketName,
} from '../../../constructs/terraform/gcp/gcs-state-backend';
import { at, synthJson, withInfrastructure } from '../terraform-json';
import { gcpBase } from './gcp-test-helpers';

const project = { projectId: 'fixtureco-platform-test', region: 'europe-west1', billingAccount: '0A1B2C-3D4E5F-6A7B8C' };
const single: GcpStateStore = { project };
const dual: GcpStateStore = { project, replica: 'europe-west4' };

describe('GCP state store names', () => {
  it('derives the bucket names from the project id', () => {
    expect(stateBucketName(single)).toBe('fixtureco-platform-test-tfstate');
    expect(stateLogBucketName(single)).toBe('fixtureco-platform-test-tfstate-logs');
  });

  it('keeps bucket and key in the project region without a replica', () => {
    expect(stateLocation(single)).toEqual({ bucket: 'europe-west1', kms: 'europe-west1' });
    expect(stateKeyName(single)).toBe('projects/fixtureco-platform-test/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate');
  });

  it('makes the bucket a dual-region of both regions and moves the key to their multi-region with a replica', () => {
    expect(stateLocation(dual)).toEqual({ bucket: 'EU', dualRegion: ['EUROPE-WEST1', 'EUROPE-WEST4'], kms: 'europe' });
    expect(stateKeyName(dual)).toBe('projects/fixtureco-platform-test/locations/europe/keyRings/tfstate/cryptoKeys/tfstate');
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
        bucket: 'fixtureco-platform-test-tfstate',
        prefix: 'gcp-network-a',
        kms_encryption_key: 'projects/fixtureco-platform-test/locations/europe-west1/keyRings/tfstate/cryptoKeys/tfstate',
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
        bucket: 'fixtureco-platform-test-tfstate',
        prefix: 'gcp-network-a',
        kms_encryption_key: 'projects/fixtureco-platform-test/locations/europe/keyRings/tfstate/cryptoKeys/tfstate',
      },
    });
  });
});
