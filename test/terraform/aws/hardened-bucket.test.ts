import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { TerraformStack, Testing } from 'cdktf';
import { BucketEncryption, HardenedBucket, type HardenedBucketProps } from '../../../constructs/terraform/aws/hardened-bucket';
import { blocksOf } from '../terraform-json';
import { only, type Statement } from './aws-test-helpers';

function probe(props: Partial<HardenedBucketProps> = {}, configure?: (bucket: HardenedBucket, stack: TerraformStack) => void): Record<string, unknown> {
  const stack = new TerraformStack(Testing.app(), 'probe');
  const key = new KmsKey(stack, 'key', {});
  const bucket = new HardenedBucket(stack, 'b', { bucketName: 'probe-bucket', encryption: BucketEncryption.kms(key), retention: { noncurrentVersionDays: 30 }, ...props });
  configure?.(bucket, stack);
  return JSON.parse(Testing.synth(stack)) as Record<string, unknown>;
}

describe('HardenedBucket', () => {
  it('is versioned by default, with non-current versions expiring', () => {
    const json = probe();
    expect(only(json, 'aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(only(json, 'aws_s3_bucket_lifecycle_configuration').rule).toEqual(
      expect.arrayContaining([expect.objectContaining({ noncurrent_version_expiration: [{ noncurrent_days: 30 }] })]),
    );
  });

  it('is not versioned when told so, and then has no version rule', () => {
    const json = probe({ versioned: false, retention: { currentVersionDays: 10 } });
    expect(blocksOf(json, 'aws_s3_bucket_versioning')).toEqual({});
    const rules = only(json, 'aws_s3_bucket_lifecycle_configuration').rule as { id: string }[];
    expect(rules.map((r) => r.id)).toEqual(['abort-incomplete-uploads', 'expire-objects']);
  });

  it('expires current versions in a rule of their own when versioned, since S3 refuses days next to the delete-marker flag', () => {
    const rules = only(probe({ retention: { noncurrentVersionDays: 30, currentVersionDays: 400 } }), 'aws_s3_bucket_lifecycle_configuration').rule as Record<string, unknown>[];
    expect(rules.map((r) => [r.id, r.expiration])).toEqual([
      ['abort-incomplete-uploads', undefined],
      ['expire-noncurrent-versions', [{ expired_object_delete_marker: true }]],
      ['expire-objects', [{ days: 400 }]],
    ]);
  });

  it('refuses destroy by default, and allows it only when told', () => {
    expect(only(probe(), 'aws_s3_bucket').lifecycle).toEqual({ prevent_destroy: true });
    expect(only(probe({ preventDestroy: false }), 'aws_s3_bucket').lifecycle).toEqual({ prevent_destroy: false });
  });

  it('logs nothing by default, and logs to another bucket with logAccessTo', () => {
    expect(blocksOf(probe(), 'aws_s3_bucket_logging')).toEqual({});
    const json = probe({}, (bucket, stack) => {
      const target = new HardenedBucket(stack, 'logs', {
        bucketName: 'probe-logs',
        encryption: BucketEncryption.s3Managed(),
        versioned: false,
        retention: { currentVersionDays: 7 },
      });
      bucket.logAccessTo(target, 'p/');
    });
    expect(only(json, 'aws_s3_bucket_logging')).toMatchObject({ target_prefix: 'p/' });
  });

  it('grants nothing by default: its policy only denies', () => {
    const kms = only(probe(), 'aws_iam_policy_document', 'data').statement as Statement[];
    expect(kms.map((s) => [s.sid, s.effect])).toEqual([
      ['DenyInsecureTransport', 'Deny'],
      ['DenyNonKmsObjectUploads', 'Deny'],
    ]);
    const s3Managed = only(probe({ encryption: BucketEncryption.s3Managed() }), 'aws_iam_policy_document', 'data').statement as Statement[];
    expect(s3Managed.map((s) => s.sid)).toEqual(['DenyInsecureTransport']);
  });

  it('uses the stack default provider by default', () => {
    expect(only(probe(), 'aws_s3_bucket').provider).toBeUndefined();
  });

  it('rejects a versioned bucket without a retention for old versions', () => {
    expect(() => probe({ retention: {} })).toThrow(/needs retention.noncurrentVersionDays/);
  });

  it('rejects a name S3 refuses', () => {
    expect(() => probe({ bucketName: 'Probe_Bucket' })).toThrow(/not a valid S3 name/);
    expect(() => probe({ bucketName: `a${'b'.repeat(63)}` })).toThrow(/not a valid S3 name/);
  });
});
