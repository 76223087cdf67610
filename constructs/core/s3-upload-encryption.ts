/**
 * What the estate's KMS-encrypted S3 buckets demand of every upload, stated once: the bucket
 * policy of `HardenedBucket` (terraform/aws/hardened-bucket.ts) denies a PutObject whose
 * `x-amz-server-side-encryption` header is not `aws:kms`, an absent header included, and every
 * uploader (Terraform's S3 backend, the compliance report's `aws s3 cp`) sends it with the
 * bucket's own key. Plain data, no cdktf: the Kubernetes side imports it too.
 *
 * Why both headers: with the algorithm alone, S3 encrypts with the account's AWS managed key
 * `aws/s3`, not the bucket's customer key (S3 API PutObject, `x-amz-server-side-encryption-aws-kms-key-id`:
 * "If you specify aws:kms ... but do not provide x-amz-server-side-encryption-aws-kms-key-id,
 * Amazon S3 uses the AWS managed key"); the bucket's default encryption applies only to a request
 * without any encryption header, which the policy refuses.
 */
export const S3_UPLOAD_ENCRYPTION = {
  /** Value of `x-amz-server-side-encryption` (`aws s3 cp --sse`, the S3 backend's `encrypt = true` with `kms_key_id`). */
  algorithm: 'aws:kms',
  /** The condition key of that header in a bucket policy. */
  algorithmConditionKey: 's3:x-amz-server-side-encryption',
} as const;

/**
 * ARN of a KMS alias, e.g. `arn:aws:kms:eu-west-1:123456789012:alias/prod-compliance-reports`:
 * the key id an uploader names (`--sse-kms-key-id`, the backend's `kms_key_id`). Known before the
 * key exists and stable across a key replacement; S3 resolves it in the bucket owner's account
 * because the uploaders run in that account.
 */
export function kmsAliasArn(region: string, accountId: string, aliasName: string): string {
  if (!aliasName.startsWith('alias/')) throw new Error(`KMS alias "${aliasName}" must start with alias/`);
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}
