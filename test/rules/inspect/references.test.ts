import { companionsOf, providerOf, referencedView, refersTo } from '../../../constructs/rules/inspect/references';
import { dataSource, providerBlock, resource } from '../fixtures';

describe('references', () => {
  const bucket = resource('aws_s3_bucket', 'state', { bucket: 'acme-state' });

  it('finds references to a resource anywhere in a value, but not to a resource whose name merely starts the same', () => {
    expect(refersTo('${aws_s3_bucket.state.id}', bucket)).toBe(true);
    expect(refersTo('${aws_s3_bucket.state.arn}/*', bucket)).toBe(true);
    expect(refersTo('${jsonencode({"r" = aws_s3_bucket.state.arn})}', bucket)).toBe(true);
    expect(refersTo('${aws_s3_bucket.state-logs.id}', bucket)).toBe(false);
    expect(refersTo('${data.aws_s3_bucket.state.id}', bucket)).toBe(false);
    expect(refersTo(42, bucket)).toBe(false);
  });

  it('matches literal names only when asked to', () => {
    expect(refersTo('acme-state', bucket)).toBe(false);
    expect(refersTo('acme-state', bucket, ['bucket'])).toBe(true);
  });

  it('finds the managed companions of a resource', () => {
    const versioning = resource('aws_s3_bucket_versioning', 'v', { bucket: '${aws_s3_bucket.state.id}' });
    const other = resource('aws_s3_bucket_versioning', 'w', { bucket: '${aws_s3_bucket.logs.id}' });
    expect(companionsOf(bucket, [bucket, versioning, other], 'aws_s3_bucket_versioning', 'bucket')).toEqual([versioning]);
  });

  it('resolves a whole-value reference to the view it names', () => {
    const document = dataSource('aws_iam_policy_document', 'doc', {});
    expect(referencedView('${data.aws_iam_policy_document.doc.json}', [document])).toBe(document);
    expect(referencedView('prefix ${data.aws_iam_policy_document.doc.json}', [document])).toBeUndefined();
  });

  it('finds the provider block of a resource: its alias, or the default of its cloud in its stack', () => {
    const main = providerBlock('aws', {});
    const replica = providerBlock('aws', {}, { alias: 'replica' });
    const elsewhere = providerBlock('aws', {}, { stack: 'other' });
    const views = [elsewhere, main, replica];
    expect(providerOf(bucket, views)).toBe(main);
    expect(providerOf(resource('aws_s3_bucket', 'r', { provider: 'aws.replica' }), views)).toBe(replica);
    expect(providerOf(resource('aws_s3_bucket', 'r', { provider: 'aws' }), views)).toBe(main);
  });
});
