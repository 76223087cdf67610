import type { StorageBucketConfig } from '@cdktf/provider-google/lib/storage-bucket';
import type { StateLocation } from './gcs-state-backend';

/**
 * Settings every bucket of the estate shares (state, its access logs, the compliance reports): in
 * the state store's location (a dual-region when the state has a replica), standard storage,
 * uniform bucket-level access (IAM only, no object ACLs), public access prevention enforced,
 * encrypted by default with a customer-managed key, never force-destroyed and `prevent_destroy`.
 * The caller adds the name, versioning, lifecycle rules, logging and dependencies.
 */
export function privateBucketSettings(location: StateLocation, keyName: string): Omit<StorageBucketConfig, 'name'> {
  return {
    location: location.bucket,
    customPlacementConfig: location.dualRegion === undefined ? undefined : { dataLocations: [...location.dualRegion] },
    storageClass: 'STANDARD',
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
    encryption: { defaultKmsKeyName: keyName },
    forceDestroy: false,
    lifecycle: { preventDestroy: true },
  };
}
