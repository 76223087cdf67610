import type { Document } from '../../../apps/verify/documents';
import { kyvernoChartValues } from '../../../apps/verify/kyverno-engine';

function applicationSet(chart: string, values: string): Document {
  return {
    file: `dist/k8s/x/addons/applicationset-${chart}.yaml`,
    object: { apiVersion: 'argoproj.io/v1alpha1', kind: 'ApplicationSet', metadata: { name: chart }, spec: { template: { spec: { source: { chart, helm: { values } } } } } },
  };
}

describe('kyvernoChartValues', () => {
  it("reads the match conditions from the synthesized kyverno add-on's Helm values", () => {
    const values = 'config:\n  matchConditions:\n    - name: skip\n      expression: "true"\n';
    expect(kyvernoChartValues([applicationSet('argo-cd', 'config: {}\n'), applicationSet('kyverno', values)])).toEqual({ matchConditions: [{ name: 'skip', expression: 'true' }] });
  });

  it('finds none when the add-on sets none', () => {
    expect(kyvernoChartValues([applicationSet('kyverno', 'features: {}\n')])).toEqual({ matchConditions: [] });
    expect(kyvernoChartValues([])).toEqual({ matchConditions: [] });
  });
});
