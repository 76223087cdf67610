import { evaluateRisks } from '../../apps/diff/evaluate-risks';
import type { RiskRule } from '../../apps/diff/risks/risk-rule';
import { kubernetesChange } from './change-builders';

const change = kubernetesChange(
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { a: '1' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { a: '2' } },
);

describe('evaluateRisks', () => {
  it("runs each rule of the change's engine with the environment's tier, placing each finding", () => {
    const seen: string[] = [];
    const rule: RiskRule<'kubernetes'> = {
      id: 'r',
      engine: 'kubernetes',
      title: 't',
      check: (_c, context) => {
        seen.push(context.tier);
        return [{ level: 'medium', reason: 'ConfigMap n/c: data changed', path: 'data.a' }];
      },
    };
    const other: RiskRule<'terraform'> = { id: 'tf', engine: 'terraform', title: 't', check: () => [{ level: 'high', reason: 'never' }] };
    const flags = evaluateRisks([change], [rule, other], () => 'staging');
    expect(seen).toEqual(['staging']);
    // The unit is its own column: a reason naming it first is not repeated.
    expect(flags).toEqual([{ level: 'medium', rule: 'r', environment: 'prod', unit: 'ConfigMap n/c', file: 'dist/k8s/test/object.yaml', reason: 'data changed', path: 'data.a' }]);
  });

  it('turns a rule that throws into a high flag naming the rule, so a broken rule never hides a risk', () => {
    const broken: RiskRule<'kubernetes'> = {
      id: 'broken',
      engine: 'kubernetes',
      title: 't',
      check: () => {
        throw new Error('boom');
      },
    };
    expect(evaluateRisks([change], [broken], () => 'production')).toEqual([
      expect.objectContaining({ level: 'high', rule: 'broken', reason: expect.stringContaining('risk rule broken failed on this change (boom)') }),
    ]);
  });
});
