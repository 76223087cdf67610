import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import { backupPrefix, VELERO_WORKLOAD } from '../../core/backup-contract';
import { gcpWorkloadServiceAccountId } from '../../core/observability-contract';
import type { GkeClusterSpec } from '../../kubernetes/cluster-spec';
import { GkeWorkloadServiceAccount } from './workload-service-account';

export interface GkeVeleroIdentityProps {
  readonly cluster: GkeClusterSpec;
  /** Workload identity pool of the project, `<project>.svc.id.goog`. */
  readonly workloadPool: string;
  /** The environment's backup bucket (foundation output). */
  readonly bucket: string;
  /** What must exist first: the cluster, whose creation creates the project's workload pool. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * The Google service account of the Velero server, impersonated by `velero/velero` alone
 * (`GkeWorkloadServiceAccount`, id `gcpWorkloadServiceAccountId(cluster, 'velero')`), with what the
 * GCP plugin's object store calls (velero-plugin-for-gcp v1.13.2 velero-plugin-for-gcp/object_store.go):
 * - `roles/storage.objectUser` on the backup bucket (create, get, list and delete objects, as the
 *   plugin's README "Create Custom Role" lists for backups, without objectAdmin's object IAM),
 *   limited by an IAM condition to objects below the cluster's prefix (`backupPrefix`). Listing is
 *   checked on the bucket, which no object-name condition can narrow: the condition admits the
 *   bucket itself, so the names of other clusters' backups are listable, their contents are not;
 * - `roles/iam.serviceAccountTokenCreator` on itself only: with workload identity there is no key
 *   file, so `CreateSignedURL` signs through the IAM Credentials `signBlob` API as the account
 *   named in the location's `serviceAccount` (`SignBytes`, `initFromComputeEngine`); `velero
 *   backup logs`, `describe` and `download` fetch those URLs.
 * No key permission: the bucket's default key is used by the Cloud Storage service agent. No
 * Compute Engine snapshot rights: backups are objects only (no volume snapshot location).
 */
export class GkeVeleroIdentity extends GkeWorkloadServiceAccount {
  constructor(scope: Construct, id: string, props: GkeVeleroIdentityProps) {
    const { cluster, bucket } = props;
    super(scope, id, {
      accountId: gcpWorkloadServiceAccountId(cluster, 'velero'),
      displayName: `Velero on ${cluster.name}`,
      description: `Writes and reads the backups of ${cluster.name} in the backup bucket`,
      workloadPool: props.workloadPool,
      workload: VELERO_WORKLOAD,
      dependsOn: props.dependsOn,
    });
    const prefix = `${backupPrefix(cluster)}/`;
    new StorageBucketIamMember(this, 'backups', {
      bucket,
      role: 'roles/storage.objectUser',
      member: this.member,
      condition: {
        title: 'own-backups-only',
        description: `Objects below ${prefix}, and listing the bucket`,
        // Single-quoted CEL strings: double quotes inside an HCL string would need escaping.
        expression: `resource.type == 'storage.googleapis.com/Bucket' || resource.name.startsWith('projects/_/buckets/${bucket}/objects/${prefix}')`,
      },
    });
    new ServiceAccountIamMember(this, 'sign-backup-links', {
      serviceAccountId: this.account.name,
      role: 'roles/iam.serviceAccountTokenCreator',
      member: this.member,
    });
  }
}
