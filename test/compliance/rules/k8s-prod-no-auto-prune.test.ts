import { k8sProdNoAutoPrune as rule } from '../../../constructs/compliance/rules/kubernetes/k8s-prod-no-auto-prune';
import { application, applicationSet, compliantSpec } from '../../guardrails/fixtures';
import { checkKubernetes, dev, expectCompliant, expectFailure, prod } from '../fixtures';

describe('k8s-prod-no-auto-prune', () => {
  it('runs in production only', () => {
    expect(checkKubernetes(rule, application('root', compliantSpec({ syncPolicy: { automated: { prune: true } } })), dev)).toBeUndefined();
  });

  it('accepts production Applications without prune', () => {
    expectCompliant(checkKubernetes(rule, application('kyverno', compliantSpec()), prod));
  });

  it('rejects an Application that auto-prunes', () => {
    expectFailure(checkKubernetes(rule, application('root', compliantSpec({ syncPolicy: { automated: { prune: true } } })), prod), {
      field: 'spec.syncPolicy.automated.prune',
      value: true,
      problem: /forbids auto-prune/,
    });
  });

  it('rejects an ApplicationSet whose template auto-prunes', () => {
    expectFailure(checkKubernetes(rule, applicationSet('kyverno', compliantSpec({ syncPolicy: { automated: { prune: true } } })), prod), {
      field: 'spec.template.spec.syncPolicy.automated.prune',
    });
  });
});
