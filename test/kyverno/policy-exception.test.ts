import { App, Chart } from 'cdk8s';
import { EXCEPTION_ANNOTATIONS } from '../../constructs/kubernetes/gitops-cdk-labels';
import { ClusterPolicy } from '../../constructs/kyverno/cluster-policy';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import { PolicyException, type PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { validationViolations } from '../../constructs/rules/construct-violations';
import { crdSchemaErrors } from '../support/crd-schema';
import { definition } from './fixtures';

const waiver: PolicyExceptionDefinition = {
  name: 'legacy-batch',
  environments: ['prod'],
  owner: 'team-payments',
  reason: 'the settlement batch image runs as root until the vendor ships 5.x (PAY-812)',
  ticket: 'PAY-812',
  expires: '2027-02-26',
  waives: [{ policy: 'require-team-label', rules: ['check-team'] }],
  match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['payments-batch'] } }] },
};

function build(exception: PolicyExceptionDefinition, today = '2026-11-25', failureAction = FailureAction.enforce()) {
  const chart = new Chart(new App(), 'prod');
  const policy = new ClusterPolicy(chart, 'policy', { definition: definition(), failureAction, webhook: { failurePolicy: 'Fail' } });
  const construct = new PolicyException(chart, 'exception', { definition: exception, policies: [policy], today });
  return {
    construct,
    // toJson runs the validations, so problems() reads the construct without rendering it.
    get manifest() {
      return chart.toJson()[1] as { apiVersion: string; kind: string; spec: unknown; metadata: { annotations: Record<string, string> } };
    },
  };
}

function problems(exception: PolicyExceptionDefinition, today?: string) {
  const { construct } = build(exception, today);
  return validationViolations([construct], 'prod');
}

describe('PolicyException', () => {
  it('is a kyverno.io/v2 exception in the namespace Kyverno honours, valid against the upstream schema', () => {
    const { manifest } = build(waiver);
    expect(manifest).toMatchObject({ apiVersion: 'kyverno.io/v2', kind: 'PolicyException', metadata: { name: 'legacy-batch', namespace: 'kyverno' } });
    expect(crdSchemaErrors(manifest)).toEqual([]);
  });

  it('records owner, reason, expiry and ticket as annotations', () => {
    expect(build(waiver).manifest.metadata.annotations).toEqual({
      [EXCEPTION_ANNOTATIONS.owner]: 'team-payments',
      [EXCEPTION_ANNOTATIONS.reason]: waiver.reason,
      [EXCEPTION_ANNOTATIONS.expires]: '2027-02-26',
      [EXCEPTION_ANNOTATIONS.ticket]: 'PAY-812',
    });
  });

  it("waives the rule's auto-generated controller rules too, and every canary split of it", () => {
    const { manifest } = build(waiver, undefined, FailureAction.enforceOnCanaries());
    expect((manifest.spec as { exceptions: unknown }).exceptions).toEqual([
      { policyName: 'require-team-label', ruleNames: ['check-team', 'autogen-check-team', 'autogen-cronjob-check-team'] },
    ]);
  });

  it('is accepted up to and including its expiry day', () => {
    expect(problems(waiver, '2027-02-26')).toEqual([]);
  });

  it('is refused the day after it expires, naming the field, value and fix', () => {
    expect(problems(waiver, '2027-02-27')).toEqual([
      expect.objectContaining({
        environment: 'prod',
        path: 'prod/exception',
        field: 'expires',
        value: '"2027-02-26"',
        problem: expect.stringMatching(/expired \(today is 2027-02-27\)/),
        fix: expect.stringMatching(/remove policies\/exceptions\/legacy-batch\.ts, or renew it/),
      }),
    ]);
  });

  it.each(['', 'legacy', '   tmp workaround   '])('is refused without a real reason (%j)', (reason) => {
    expect(problems({ ...waiver, reason })).toEqual([expect.objectContaining({ field: 'reason', fix: expect.stringMatching(/say why/) })]);
  });

  it('is refused with an expiry that is not a date', () => {
    expect(problems({ ...waiver, expires: '31.03.2027' })).toEqual([expect.objectContaining({ field: 'expires', value: '"31.03.2027"' })]);
  });

  it('is refused when it names a policy or rule the environment does not run', () => {
    expect(problems({ ...waiver, waives: [{ policy: 'no-such-policy', rules: ['x'] }] })).toEqual([
      expect.objectContaining({ field: 'waives.policy', value: '"no-such-policy"', fix: expect.stringMatching(/require-team-label/) }),
    ]);
    expect(problems({ ...waiver, waives: [{ policy: 'require-team-label', rules: ['check-tema'] }] })).toEqual([
      expect.objectContaining({ field: 'waives.rules', value: '"check-tema"', fix: expect.stringMatching(/check-team/) }),
    ]);
  });

  it('may omit the expiry outside production (the k8s-prod-exception-expiry rule refuses it there)', () => {
    const { expires: _none, ...open } = waiver;
    expect(problems(open)).toEqual([]);
    expect(build(open).manifest.metadata.annotations[EXCEPTION_ANNOTATIONS.expires]).toBeUndefined();
  });
});
