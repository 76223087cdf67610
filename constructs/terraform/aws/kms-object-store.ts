import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { AwsAccount } from '../cloud-accounts';
import { HIDDEN_ID } from '../readable-names-stack';
import { AccessLogBucket } from './access-log-bucket';
import { BucketReplica } from './bucket-replica';
import { BucketEncryption, HardenedBucket } from './hardened-bucket';

/** Where a store keeps its live copy (`infrastructure.stateReplica.aws`). */
export interface ObjectStoreReplicaLocation {
  readonly region: string;
  /** Provider of `region`. */
  readonly provider: TerraformProvider;
}

export interface AwsKmsObjectStoreProps {
  /** What the store holds, for descriptions, e.g. `the compliance reports of prod`. */
  readonly contents: string;
  /** Short kebab-case name of what is stored (`reports`, `backups`): names the replication rule and policy. */
  readonly label: string;
  readonly account: AwsAccount;
  /** Globally unique bucket name; the access logs go to `<name>-logs`, a copy to `<name>-<region>`. */
  readonly bucketName: string;
  /** Alias of the store's key (its uploaders name the key by this alias); the copy's is `<alias>-replica`. */
  readonly keyAliasName: string;
  /** Key prefix of the bucket's access logs in its log bucket. */
  readonly accessLogPrefix: string;
  /** Days a replaced or deleted object stays recoverable, and an access log is kept. */
  readonly versionRetentionDays: number;
  /** Days after which current objects expire. @default - kept until deleted by their writer */
  readonly currentVersionDays?: number;
  /** A copy in a second region, replicated by the role `roleName`. @default - no copy */
  readonly replica?: ObjectStoreReplicaLocation & { readonly roleName: string; readonly replicateDeleteMarkers?: boolean };
}

/**
 * An S3 store that workloads write through their IRSA roles, hardened like the state bucket
 * (`HardenedBucket`): its own rotated KMS key behind an alias (so that a writer may use this key
 * without any use of the state key), versioning with replaced versions expiring after
 * `versionRetentionDays`, public access blocked, TLS only, uploads without SSE-KMS refused, access
 * logged to a log bucket of its own, and with `replica` a live copy in a second region
 * (`BucketReplica`) that keeps every version written.
 *
 * Nothing is granted here: each writer's role, in its cluster stack, names this bucket and key.
 * Construct ids are the compliance report store's (`key`, `key-alias`, the hidden bucket, `log`,
 * `replica`), so that it builds on this class without renaming a resource.
 */
export class AwsKmsObjectStore extends Construct {
  readonly key: KmsKey;
  readonly bucket: HardenedBucket;
  readonly accessLogs: AccessLogBucket;
  readonly replica: BucketReplica | undefined;

  constructor(scope: Construct, id: string, props: AwsKmsObjectStoreProps) {
    super(scope, id);
    const { contents, account, bucketName, keyAliasName, versionRetentionDays, currentVersionDays } = props;
    this.key = new KmsKey(this, 'key', {
      description: `Encrypts ${contents}`,
      enableKeyRotation: true,
      // Longest window: a key scheduled for deletion by mistake can be cancelled for 30 days.
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, 'key-alias', { name: keyAliasName, targetKeyId: this.key.keyId });

    // `Default`: the bucket's resources are named after the store (`reports-bucket`, `backups-policy`).
    this.bucket = new HardenedBucket(this, HIDDEN_ID, {
      bucketName,
      encryption: BucketEncryption.kms(this.key),
      retention: { noncurrentVersionDays: versionRetentionDays, currentVersionDays },
    });
    this.accessLogs = new AccessLogBucket(this, 'log', {
      bucketName: `${bucketName}-logs`,
      source: this.bucket,
      accountId: account.accountId,
      prefix: props.accessLogPrefix,
      retentionDays: versionRetentionDays,
    });

    const { replica } = props;
    this.replica =
      replica === undefined
        ? undefined
        : new BucketReplica(this, 'replica', {
            contents,
            label: props.label,
            roleName: replica.roleName,
            account,
            source: this.bucket,
            sourceKey: this.key,
            region: replica.region,
            provider: replica.provider,
            bucketName: `${bucketName}-${replica.region}`,
            logBucketName: `${bucketName}-logs-${replica.region}`,
            logPrefix: props.accessLogPrefix,
            keyAliasName: `${keyAliasName}-replica`,
            retentionDays: versionRetentionDays,
            currentVersionDays,
            replicateDeleteMarkers: replica.replicateDeleteMarkers,
          });
  }
}
