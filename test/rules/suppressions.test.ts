import { Construct, type IConstruct, RootConstruct } from 'constructs';
import { isIsoDate } from '../../constructs/core/calendar';
import { findingsOf, type ResultLocation, resultsOf, suppressionResults } from '../../constructs/rules/evaluate';
import { nonCompliant } from '../../constructs/rules/outcome';
import type { RuleMetadata } from '../../constructs/rules/spec-rule';
import { MIN_SUPPRESSION_REASON, suppressCompliance, suppressionProblem, suppressionsFor, suppressionsOn } from '../../constructs/rules/suppressions';
import { tfStorageVersioning } from '../../constructs/rules/terraform/tf-storage-versioning';
import type { ComplianceSuppression, RuleOutcome } from '../../constructs/rules/types';

const TODAY = '2026-03-01';

/** The result of one outcome, as the Terraform engine records it (`undefined`: not applicable). */
function resultOf(rule: RuleMetadata, outcome: RuleOutcome, location: ResultLocation, construct: IConstruct, today: string) {
  const findings = findingsOf(outcome);
  return findings === undefined ? undefined : resultsOf(rule, findings, location, construct, today)[0];
}
const KNOWN = new Set(['tf-storage-versioning']);
const valid: ComplianceSuppression = { rule: 'tf-storage-versioning', reason: 'log bucket, rewritten hourly', expires: '2026-03-31' };
const location = { environment: 'prod', engine: 'terraform' as const, unit: 'aws-foundation', resource: 'aws_s3_bucket.logs', path: 'root/stack/logs' };

function tree() {
  const root = new RootConstruct('root');
  const stack = new Construct(root, 'stack');
  const bucket = new Construct(stack, 'logs');
  return { root, stack, bucket };
}

describe('suppressCompliance', () => {
  it('stores suppressions on the construct and applies them to its subtree, nearest first', () => {
    const { root, stack, bucket } = tree();
    suppressCompliance(root, [{ ...valid, rule: 'a' }]);
    suppressCompliance(stack, [{ ...valid, rule: 'b' }]);
    suppressCompliance(stack, [{ ...valid, rule: 'c' }]);
    expect(suppressionsOn(stack).map((s) => s.rule)).toEqual(['b', 'c']);
    expect(suppressionsOn(bucket)).toEqual([]);
    expect(suppressionsFor(bucket).map((s) => s.rule)).toEqual(['b', 'c', 'a']);
    expect(suppressionsFor(root).map((s) => s.rule)).toEqual(['a']);
  });
});

describe('suppressionProblem', () => {
  it('accepts a suppression with a reason of 10+ characters, valid until the end of its expiry day', () => {
    expect(suppressionProblem(valid, TODAY, KNOWN)).toBeUndefined();
    expect(suppressionProblem({ ...valid, expires: TODAY }, TODAY, KNOWN)).toBeUndefined();
    expect(suppressionProblem({ ...valid, reason: 'x'.repeat(MIN_SUPPRESSION_REASON) }, TODAY, KNOWN)).toBeUndefined();
  });

  it('rejects a reason shorter than 10 characters, not counting surrounding spaces', () => {
    expect(suppressionProblem({ ...valid, reason: 'x'.repeat(MIN_SUPPRESSION_REASON - 1) }, TODAY, KNOWN)?.field).toBe('reason');
    expect(suppressionProblem({ ...valid, reason: '   n/a      ' }, TODAY, KNOWN)?.field).toBe('reason');
  });

  it('rejects an expiry that is past, or not a real YYYY-MM-DD date', () => {
    expect(suppressionProblem({ ...valid, expires: '2026-02-28' }, TODAY, KNOWN)).toMatchObject({ field: 'expires', problem: expect.stringContaining('expired on 2026-02-28') });
    for (const expires of ['2026-02-30', '31.03.2026', '2026-3-31', 'never', '']) {
      expect(suppressionProblem({ ...valid, expires }, TODAY, KNOWN)).toMatchObject({ field: 'expires', problem: expect.stringContaining('no valid expiry') });
    }
  });

  it('rejects a suppression of a rule the engine does not know', () => {
    expect(suppressionProblem({ ...valid, rule: 'tf-storage-versionning' }, TODAY, KNOWN)?.field).toBe('rule');
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });
});

describe('suppressed results', () => {
  const failing = nonCompliant('aws_s3_bucket_versioning.versioning_configuration.status', undefined, 'earlier versions are not kept', 'add versioning to it');

  it('turns a failure into suppressed, with the reason and expiry, when a valid suppression names the rule', () => {
    const { stack, bucket } = tree();
    suppressCompliance(stack, [valid]);
    expect(resultOf(tfStorageVersioning, failing, location, bucket, TODAY)).toMatchObject({ status: 'suppressed', suppression: { reason: valid.reason, expires: valid.expires } });
    expect(suppressionResults(stack, location, TODAY, KNOWN)).toEqual([]);
  });

  it('leaves passes alone and does not suppress other rules', () => {
    const { stack, bucket } = tree();
    suppressCompliance(stack, [{ ...valid, rule: 'tf-other' }]);
    expect(resultOf(tfStorageVersioning, failing, location, bucket, TODAY)?.status).toBe('fail');
    expect(resultOf(tfStorageVersioning, { compliant: true }, location, bucket, TODAY)?.status).toBe('pass');
  });

  it('never suppresses with an expired or unexplained suppression, which fails on its own', () => {
    const { stack, bucket } = tree();
    suppressCompliance(stack, [
      { ...valid, expires: '2026-02-01' },
      { ...valid, reason: 'legacy' },
    ]);
    expect(resultOf(tfStorageVersioning, failing, location, bucket, TODAY)?.status).toBe('fail');
    expect(suppressionResults(stack, location, TODAY, KNOWN)).toEqual([
      expect.objectContaining({ rule: 'compliance-suppression', level: 'error', status: 'fail', field: 'suppressions[0].expires', value: '"2026-02-01"' }),
      expect.objectContaining({ rule: 'compliance-suppression', level: 'error', status: 'fail', field: 'suppressions[1].reason', value: '"legacy"' }),
    ]);
  });

  it('records nothing for a rule that does not apply', () => {
    const { bucket } = tree();
    expect(resultOf(tfStorageVersioning, { compliant: true, notApplicable: true }, location, bucket, TODAY)).toBeUndefined();
  });
});
