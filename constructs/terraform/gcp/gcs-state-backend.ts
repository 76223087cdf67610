import { DataTerraformRemoteStateGcs, GcsBackend, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { GcpProject } from '../cloud-accounts';
import type { TerraformEnvironment } from '../terraform-environment';

/**
 * Names and locations of the per-environment Terraform state store on GCP. They are derived here
 * and nowhere else: the foundation stack creates resources with these names and every other GCP
 * stack's backend and remote-state reads point at them, so the two cannot disagree.
 */

/** Where the state of one GCP environment lives: its project, and the optional replica region. */
export interface GcpStateStore {
  /** The environment's project (`spec.clouds.gcp`): holds the state bucket and its key. */
  readonly project: GcpProject;
  /**
   * Second region holding a synchronous copy of the state (`spec.infrastructure.stateReplica.gcp`):
   * the bucket becomes a configurable dual-region of `project.region` and this region.
   * @default - single-region bucket in `project.region`
   */
  readonly replica?: string;
}

/** The state store of `spec`; throws when the environment has no GCP project. */
export function gcpStateStore(spec: TerraformEnvironment): GcpStateStore {
  const project = spec.clouds.gcp;
  if (project === undefined) {
    throw new Error(`${spec.name}: spec.clouds.gcp is not set; GCP stacks keep their state in the environment's project (set clouds.gcp: { projectId, region, billingAccount })`);
  }
  return { project, replica: spec.infrastructure.stateReplica?.gcp };
}

/**
 * Bucket holding every Terraform state of the environment, e.g. `acme-platform-dev-tfstate`.
 * Project ids are globally unique, and so are bucket names: prefixing with the id avoids
 * collisions with any other organisation's bucket.
 */
export function stateBucketName(store: GcpStateStore): string {
  return `${store.project.projectId}-tfstate`;
}

/** Bucket receiving the usage and storage logs of the state bucket. */
export function stateLogBucketName(store: GcpStateStore): string {
  return `${store.project.projectId}-tfstate-logs`;
}

/**
 * Multi-region that contains a GCP region, as Cloud Storage (`EU`) and Cloud KMS (`europe`) spell
 * it. A configurable dual-region bucket is placed in the multi-region holding both of its regions,
 * and its customer-managed key must live in that multi-region too.
 */
const MULTI_REGIONS: readonly { readonly regionPrefix: string; readonly storage: string; readonly kms: string }[] = [
  { regionPrefix: 'europe-', storage: 'EU', kms: 'europe' },
  { regionPrefix: 'us-', storage: 'US', kms: 'us' },
  { regionPrefix: 'asia-', storage: 'ASIA', kms: 'asia' },
];

/** Where the state bucket and its key live. */
export interface StateLocation {
  /** `location` of the bucket: the region, or the multi-region of a dual-region bucket. */
  readonly bucket: string;
  /**
   * The two regions of a configurable dual-region bucket, upper case as the API returns them (the
   * provider compares `data_locations` as written).
   */
  readonly dualRegion?: readonly [string, string];
  /** Location of the key ring: the same region, or the KMS multi-region of a dual-region bucket. */
  readonly kms: string;
}

/**
 * Without a replica, bucket and key sit in the project's region. With one, the bucket is a
 * configurable dual-region (Cloud Storage copies every object to both regions, so losing one
 * region loses neither the state nor its history) and the key moves to the multi-region that
 * contains both regions, the only key location Cloud Storage accepts for such a bucket.
 * @throws Error when the two regions are not in one supported multi-region.
 */
export function stateLocation(store: GcpStateStore): StateLocation {
  const { region } = store.project;
  if (store.replica === undefined) return { bucket: region, kms: region };
  const replica = store.replica;
  const multi = MULTI_REGIONS.find((m) => region.startsWith(m.regionPrefix) && replica.startsWith(m.regionPrefix));
  if (multi === undefined) {
    throw new Error(
      `GCP state store: stateReplica.gcp '${replica}' and the project region '${region}' are not in one multi-region ` +
        `(${MULTI_REGIONS.map((m) => m.storage).join(', ')}); a dual-region bucket needs both in the same one ` +
        "(pick a replica region like 'europe-west4' for 'europe-west1')",
    );
  }
  return { bucket: multi.storage, dualRegion: [region.toUpperCase(), replica.toUpperCase()], kms: multi.kms };
}

/** Key ring of the state key. Key rings can never be deleted: the name is permanent. */
export const STATE_KEY_RING = 'tfstate';
/** Crypto key encrypting every state object and every access log of the environment. */
export const STATE_KEY = 'tfstate';

/**
 * Full resource name of the state key. The backend names the key by this path, known before the
 * key exists (bootstrap): `projects/<id>/locations/<loc>/keyRings/tfstate/cryptoKeys/tfstate`.
 */
export function stateKeyName(store: GcpStateStore): string {
  return `projects/${store.project.projectId}/locations/${stateLocation(store).kms}/keyRings/${STATE_KEY_RING}/cryptoKeys/${STATE_KEY}`;
}

/** Object prefix of one stack's state inside the bucket: the stack name, relative. */
export function statePrefix(stackName: string): string {
  return stackName;
}

export interface GcsStateBackendOptions {
  readonly store: GcpStateStore;
  /**
   * Stable name of the stack (e.g. `gcp-foundation`); the state prefix. Not the construct id: the
   * CLI app prefixes ids with the environment, the state prefix must not change.
   */
  readonly stackName: string;
}

/**
 * Declares the GCS backend of `stack`: the environment's state bucket, each object encrypted with
 * the state key. GCS locks the state natively (a `default.tflock` object created with a
 * generation precondition), so no lock table exists or is needed.
 *
 * Every stack must call this: a stack without a backend silently gets a `local` backend whose
 * path is this machine's absolute path.
 */
export function addGcsStateBackend(stack: TerraformStack, options: GcsStateBackendOptions): GcsBackend {
  return new GcsBackend(stack, backendConfig(options));
}

/**
 * Another GCP stack's state, read through the same bucket, prefix and key the backend uses: the
 * typed way to consume its outputs (see `readOutputs` in ../stack-outputs.ts).
 */
export function gcpRemoteState(scope: Construct, id: string, options: GcsStateBackendOptions): DataTerraformRemoteStateGcs {
  return new DataTerraformRemoteStateGcs(scope, id, backendConfig(options));
}

function backendConfig(options: GcsStateBackendOptions): { bucket: string; prefix: string; kmsEncryptionKey: string } {
  return {
    bucket: stateBucketName(options.store),
    prefix: statePrefix(options.stackName),
    // The bucket encrypts with this key by default too; naming it here keeps the state encrypted
    // with the customer key even if the bucket default were changed or removed.
    kmsEncryptionKey: stateKeyName(options.store),
  };
}
