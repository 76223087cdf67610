import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { S3BucketReplicationConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-replication-configuration';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsAccount } from '../cloud-accounts';
import { AccessLogBucket } from './access-log-bucket';
import { BucketEncryption, HardenedBucket } from './hardened-bucket';

export interface BucketReplicaProps {
  /** What the source holds, for descriptions, e.g. `the Terraform state of prod`. */
  readonly contents: string;
  /**
   * Short kebab-case name of what is copied (`state`, `reports`): the construct id of the copy,
   * the name of the role's policy (`replicate-<label>`) and of the replication rule (`<label>-replica`).
   */
  readonly label: string;
  /** Name of the replication role, unique in the account. */
  readonly roleName: string;
  /** Account and region of the source bucket. */
  readonly account: AwsAccount;
  /** The versioned, KMS-encrypted bucket to copy. */
  readonly source: HardenedBucket;
  /** The key encrypting `source`; the replication role may decrypt with it (through S3 only). */
  readonly sourceKey: KmsKey;
  /** Region of the copy; must differ from the source's. */
  readonly region: string;
  /** Provider of `region`: the replica's key and bucket live there. */
  readonly provider: TerraformProvider;
  readonly bucketName: string;
  /** Bucket in `region` receiving the copy's access logs. */
  readonly logBucketName: string;
  /** Key prefix of the copy's access logs. */
  readonly logPrefix: string;
  readonly keyAliasName: string;
  /** Days a non-current version of the copy, and an access log of it, is kept, as for the source. */
  readonly retentionDays: number;
  /** Days after which the copy's current versions expire, as the source's do. @default - kept until deleted */
  readonly currentVersionDays?: number;
  /**
   * Copy the delete markers of the source, so that an object deleted at the source (a key deleted
   * without a version id, as Terraform's `unlockWithFile` deletes its `.tflock`) is deleted in the
   * copy too. Its versions stay in the copy either way: S3 never replicates the deletion of a
   * version, so a recovery copy keeps what was overwritten or deleted.
   * @default false - the copy keeps showing what the source deleted
   */
  readonly replicateDeleteMarkers?: boolean;
}

/**
 * A live copy of a versioned bucket in a second region (S3 cross-region replication), so that
 * losing the source region does not lose what the bucket holds: its own KMS key in that region,
 * a hardened versioned bucket whose access is logged in that region, and a replication role that
 * may read only the source's versions and write only replicas into the copy.
 *
 * Delete markers are replicated only with `replicateDeleteMarkers` (the state's lock files must
 * disappear from the copy when they are released); deletions of versions never are, so every
 * version written stays recoverable in the copy until its retention. Objects written before replication was enabled are not
 * copied (S3 Batch Replication does that once; every state file is rewritten by its next apply).
 * Lifecycle expirations are not replicated either, so a source whose objects expire gives the copy
 * the same expiry (`currentVersionDays`).
 */
export class BucketReplica extends Construct {
  readonly key: KmsKey;
  readonly bucket: HardenedBucket;
  readonly accessLogs: AccessLogBucket;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: BucketReplicaProps) {
    super(scope, id);
    const { account, source, sourceKey, provider, region } = props;
    if (region === account.region) {
      throw new Error(`${this.node.path}: the replica region ${region} is the source region; one regional outage would take both (pick another region for stateReplica.aws)`);
    }
    if (source.versioning === undefined) {
      throw new Error(`${this.node.path}: S3 replicates only versioned buckets; ${source.bucketName} is not versioned`);
    }

    this.key = new KmsKey(this, 'key', {
      provider,
      description: `Encrypts the ${region} replica of ${props.contents}`,
      enableKeyRotation: true,
      // Longest window: a key scheduled for deletion by mistake can be cancelled for 30 days.
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'key-alias', { provider, name: props.keyAliasName, targetKeyId: this.key.keyId });

    this.bucket = new HardenedBucket(this, props.label, {
      provider,
      bucketName: props.bucketName,
      encryption: BucketEncryption.kms(this.key),
      retention: { noncurrentVersionDays: props.retentionDays, currentVersionDays: props.currentVersionDays },
    });
    // Reads of the copy are as sensitive as reads of the source: logged in the copy's region.
    this.accessLogs = new AccessLogBucket(this, 'log', {
      provider,
      bucketName: props.logBucketName,
      source: this.bucket,
      accountId: account.accountId,
      prefix: props.logPrefix,
      retentionDays: props.retentionDays,
    });
    const replicaVersioning = this.bucket.versioning;
    if (replicaVersioning === undefined) throw new Error(`${this.node.path}: the replica bucket must be versioned`);

    const trust = new DataAwsIamPolicyDocument(this, 'trust', {
      statement: [
        {
          effect: 'Allow',
          principals: [{ type: 'Service', identifiers: ['s3.amazonaws.com'] }],
          actions: ['sts:AssumeRole'],
          // Only S3 acting for this account's source bucket (no confused deputy).
          condition: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [account.accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [source.bucket.arn] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, 'role', {
      name: props.roleName,
      description: `S3 replication of ${props.contents} to ${region}`,
      assumeRolePolicy: trust.json,
    });

    // With S3 bucket keys the KMS encryption context is the bucket ARN, without them the object
    // ARN: both are allowed, nothing else.
    const encryptionContext = (bucketArn: string) => ({
      test: 'StringLike',
      variable: 'kms:EncryptionContext:aws:s3:arn',
      values: [bucketArn, `${bucketArn}/*`],
    });
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          sid: 'ReadSourceConfiguration',
          effect: 'Allow',
          actions: ['s3:GetReplicationConfiguration', 's3:ListBucket'],
          resources: [source.bucket.arn],
        },
        {
          sid: 'ReadSourceVersions',
          effect: 'Allow',
          actions: ['s3:GetObjectVersionForReplication', 's3:GetObjectVersionAcl', 's3:GetObjectVersionTagging'],
          resources: [source.objectsArn],
        },
        {
          sid: 'WriteReplicas',
          effect: 'Allow',
          actions: ['s3:ReplicateObject', 's3:ReplicateDelete', 's3:ReplicateTags'],
          resources: [this.bucket.objectsArn],
        },
        {
          sid: 'DecryptSourceThroughS3',
          effect: 'Allow',
          actions: ['kms:Decrypt'],
          resources: [sourceKey.arn],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${account.region}.amazonaws.com`] }, encryptionContext(source.bucket.arn)],
        },
        {
          sid: 'EncryptReplicasThroughS3',
          effect: 'Allow',
          actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [this.key.arn],
          condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${region}.amazonaws.com`] }, encryptionContext(this.bucket.bucket.arn)],
        },
      ],
    });
    new IamRolePolicy(this, 'role-policy', { name: `replicate-${props.label}`, role: this.role.id, policy: permissions.json });

    new S3BucketReplicationConfigurationA(this, 'replication', {
      bucket: source.bucket.id,
      role: this.role.arn,
      rule: [
        {
          id: `${props.label}-replica`,
          status: 'Enabled',
          // An empty filter: every object. A filter makes this a V2 rule, which must carry the
          // delete-marker setting below (S3 API DeleteMarkerReplication: required with Filter,
          // Enabled allowed unless the filter has a Tag). aws provider 6.25:
          // aws_s3_bucket_replication_configuration rule.delete_marker_replication.status.
          filter: {},
          deleteMarkerReplication: { status: props.replicateDeleteMarkers === true ? 'Enabled' : 'Disabled' },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
          destination: {
            bucket: this.bucket.bucket.arn,
            storageClass: 'STANDARD',
            encryptionConfiguration: { replicaKmsKeyId: this.key.arn },
          },
        },
      ],
      // S3 refuses a replication configuration until both buckets are versioned.
      dependsOn: [source.versioning, replicaVersioning],
    });
  }
}
