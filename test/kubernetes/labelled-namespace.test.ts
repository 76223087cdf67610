import { ApiObject, App, Chart } from 'cdk8s';
import { Namespace } from 'cdk8s-plus-28';
import { labelledNamespace } from '../../constructs/kubernetes/labelled-namespace';
import { renderChart } from '../../constructs/synth/render-chart';

describe('labelledNamespace', () => {
  const render = () => {
    const chart = new Chart(new App(), 'chart', { labels: { 'app.kubernetes.io/managed-by': 'tests' } });
    const namespace = labelledNamespace(chart, 'payments', { name: 'payments', labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } });
    return { namespace, rendered: renderChart(chart) };
  };

  it("writes the name and the labels, its own and the chart's, and no spec (cdk8s-plus-28 forces `spec: {}`)", () => {
    const { rendered } = render();
    expect(rendered.map((o) => o.manifest)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'payments', labels: { 'app.kubernetes.io/managed-by': 'tests', 'pod-security.kubernetes.io/enforce': 'restricted' } },
      },
    ]);
  });

  it('is a cdk8s-plus-28 Namespace whose ApiObject is its Resource child (the path the compliance report shows)', () => {
    const { namespace, rendered } = render();
    expect(namespace).toBeInstanceOf(Namespace);
    expect(namespace.name).toBe('payments');
    expect(ApiObject.of(namespace).node.path).toBe('chart/payments/Resource');
    expect(rendered.map((o) => o.constructPath)).toEqual(['chart/payments/Resource']);
  });
});
