import { at, blocks } from '../../../constructs/rules/inspect/attributes';
import { attributeField, type ReferringField } from '../../../constructs/rules/inspect/reference-index';
import { companionsOf, referringViews, refersTo } from '../../../constructs/rules/inspect/references';
import type { TerraformResourceView } from '../../../constructs/rules/types';
import { dataSource, resource } from '../fixtures';

/** What `referringViews` must return: every managed view of the type, scanned (the definition the index replaces). */
function scanned(target: TerraformResourceView, views: readonly TerraformResourceView[], field: ReferringField, literals: readonly string[] = []): TerraformResourceView[] {
  return views.filter((v) => (v.mode ?? 'managed') === 'managed' && v.type === field.type && field.values(v).some((value) => refersTo(value, target, literals)));
}

describe('reference index', () => {
  const state = resource('aws_s3_bucket', 'state', { bucket: 'acme-state' });
  const stateLogs = resource('aws_s3_bucket', 'state-logs', { bucket: 'acme-state-logs' });
  const document = dataSource('aws_s3_bucket', 'state', { bucket: 'acme-state' });
  const odd = resource('aws_s3_bucket', 'st$ate', { bucket: 'acme-odd' });
  const targets = [state, stateLogs, document, odd];
  const values: readonly unknown[] = [
    '${aws_s3_bucket.state.id}',
    '${aws_s3_bucket.state.arn}/*',
    '${jsonencode({"r" = aws_s3_bucket.state.arn, "l" = aws_s3_bucket.state-logs.id})}',
    '${aws_s3_bucket.state-logs.id}',
    '${data.aws_s3_bucket.state.id}',
    '${x.aws_s3_bucket.state.id}',
    'aws_s3_bucket.state.id',
    'aws_s3_bucket.state',
    'acme-state',
    'acme-state-logs',
    ' acme-state',
    '${aws_s3_bucket.st$ate.id}',
    '${concat(data.aws_s3_bucket.state.arn,aws_s3_bucket.state.arn)}',
    42,
    undefined,
  ];
  const loggings = values.map((target_bucket, i) => resource('aws_s3_bucket_logging', `l${i}`, { target_bucket }));
  const field = attributeField('aws_s3_bucket_logging', 'target_bucket');

  it('finds the same views as scanning every one, in the same order, for references and literal names', () => {
    const views = [...targets, ...loggings, dataSource('aws_s3_bucket_logging', 'data', { target_bucket: '${aws_s3_bucket.state.id}' })];
    for (const target of targets) {
      for (const literals of [[], ['bucket']]) {
        expect(referringViews(target, views, field, literals)).toEqual(scanned(target, views, field, literals));
      }
    }
    expect(referringViews(state, views, field, ['bucket']).map((v) => v.name)).toEqual(['l0', 'l1', 'l2', 'l6', 'l8', 'l12']);
    expect(referringViews(document, views, field).map((v) => v.name)).toEqual(['l4', 'l12']);
  });

  it('reads values inside nested blocks through the field', () => {
    const replication: ReferringField = {
      type: 'aws_s3_bucket_replication_configuration',
      key: 'rule[].destination.bucket',
      values: (view) => blocks(view.attributes.rule).map((rule) => at(rule, 'destination.bucket')),
    };
    const twoRules = resource('aws_s3_bucket_replication_configuration', 'both', {
      rule: [{ destination: { bucket: '${aws_s3_bucket.state-logs.arn}' } }, { destination: { bucket: '${aws_s3_bucket.state.arn}' } }],
    });
    const none = resource('aws_s3_bucket_replication_configuration', 'none', { rule: [] });
    const views = [state, stateLogs, none, twoRules];
    expect(referringViews(state, views, replication)).toEqual([twoRules]);
    expect(referringViews(stateLogs, views, replication)).toEqual([twoRules]);
  });

  it('keeps each field of a type apart', () => {
    const versioning = resource('aws_s3_bucket_versioning', 'v', { bucket: '${aws_s3_bucket.state.id}', expected_bucket_owner: '${aws_s3_bucket.state-logs.id}' });
    const views = [state, stateLogs, versioning];
    expect(companionsOf(state, views, 'aws_s3_bucket_versioning', 'bucket')).toEqual([versioning]);
    expect(companionsOf(stateLogs, views, 'aws_s3_bucket_versioning', 'bucket')).toEqual([]);
    expect(companionsOf(stateLogs, views, 'aws_s3_bucket_versioning', 'expected_bucket_owner')).toEqual([versioning]);
  });

  it('sees views added to the array after its first lookup', () => {
    const views: TerraformResourceView[] = [state];
    expect(companionsOf(state, views, 'aws_s3_bucket_versioning', 'bucket')).toEqual([]);
    const versioning = resource('aws_s3_bucket_versioning', 'v', { bucket: '${aws_s3_bucket.state.id}' });
    views.push(versioning);
    expect(companionsOf(state, views, 'aws_s3_bucket_versioning', 'bucket')).toEqual([versioning]);
  });
});
