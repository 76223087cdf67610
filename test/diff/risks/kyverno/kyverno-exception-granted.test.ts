import { kyvernoExceptionGranted } from '../../../../apps/diff/risks/kyverno/kyverno-exception-granted';
import { findings, kubernetesChange } from '../../change-builders';
import { prodSettlementException, withAnnotation, withFields } from './kyverno-fixtures';

const EXPIRES = 'policies.gitops-cdk.io/expires';
const RULES = ['run-as-non-root', 'autogen-run-as-non-root', 'autogen-cronjob-run-as-non-root'];

describe('kyverno-exception-granted', () => {
  it('flags a PolicyException added in production as high, naming what it exempts, its match, ticket and expiry', () => {
    expect(findings(kyvernoExceptionGranted, kubernetesChange(undefined, prodSettlementException(), 'prod'), 'production')).toEqual([
      {
        level: 'high',
        reason:
          'PolicyException kyverno/payments-settlement-batch-root added: exempts require-run-as-non-root (run-as-non-root, autogen-run-as-non-root, autogen-cronjob-run-as-non-root) for kinds Pod, Job, CronJob; names settlement-*; namespaces payments-batch (ticket PAY-812, expires 2027-03-31)',
      },
    ]);
  });

  it('flags an exception extended to another policy and to more namespaces (medium in staging)', () => {
    const base = prodSettlementException();
    const head = withFields(base, {
      'spec.exceptions.1': { policyName: 'pod-security-restricted', ruleNames: ['restricted'] },
      'spec.match.any.0.resources.namespaces': ['payments-batch', 'payments-*'],
    });
    const found = findings(kyvernoExceptionGranted, kubernetesChange(base, head, 'staging'), 'staging');
    expect(found).toEqual([
      { level: 'medium', reason: expect.stringContaining('extended: now exempts pod-security-restricted (restricted)'), path: 'spec.exceptions' },
      { level: 'medium', reason: expect.stringContaining('extended: match widened (namespaces +payments-*)'), path: 'spec.match' },
    ]);
  });

  it('flags a match that loses its namespace restriction and an expiry moved later', () => {
    const base = prodSettlementException();
    const head = withAnnotation(withFields(base, { 'spec.match.any.0.resources.namespaces': undefined }), EXPIRES, '2027-09-30');
    const found = findings(kyvernoExceptionGranted, kubernetesChange(base, head, 'prod'), 'production');
    expect(found.map((f) => [f.level, f.reason, f.path])).toEqual([
      ['high', expect.stringContaining('match widened (no longer limited by namespaces)'), 'spec.match'],
      ['high', expect.stringContaining('expiry 2027-03-31 -> 2027-09-30 (ticket PAY-812, expires 2027-09-30)'), 'metadata.annotations."policies.gitops-cdk.io/expires"'],
    ]);
  });

  it('flags a second match filter (any: one of them must match) as a widening', () => {
    const base = prodSettlementException();
    const head = withFields(base, { 'spec.match.any.1': { resources: { kinds: ['Pod'], namespaces: ['payments-api'] } } });
    expect(findings(kyvernoExceptionGranted, kubernetesChange(base, head, 'prod'), 'production').map((f) => f.reason)).toEqual([
      expect.stringContaining('match widened (namespaces +payments-api; no longer limited by names)'),
    ]);
  });

  it('flags an expiry removed (the exception never expires)', () => {
    const base = prodSettlementException();
    const found = findings(kyvernoExceptionGranted, kubernetesChange(base, withAnnotation(base, EXPIRES, undefined), 'prod'), 'production');
    expect(found.map((f) => f.reason)).toEqual([expect.stringContaining('expiry 2027-03-31 -> (none: never expires)')]);
  });

  it('does not flag an exception removed, narrowed (fewer kinds, a name its wildcard covered, a selector added), shortened, or given a rule its wildcard already covered', () => {
    const base = withFields(prodSettlementException(), { 'spec.exceptions.0.ruleNames': ['run-as-non-root', 'autogen-*'] });
    expect(findings(kyvernoExceptionGranted, kubernetesChange(base, undefined, 'prod'), 'production')).toEqual([]);
    const head = withAnnotation(
      withFields(base, {
        'spec.exceptions.0.ruleNames': RULES,
        'spec.match.any.0.resources.kinds': ['Pod'],
        'spec.match.any.0.resources.names': ['settlement-batch'],
        'spec.match.any.0.resources.selector': { matchLabels: { app: 'settlement' } },
      }),
      EXPIRES,
      '2027-01-31',
    );
    expect(findings(kyvernoExceptionGranted, kubernetesChange(base, head, 'prod'), 'production')).toEqual([]);
  });
});
