import { App } from 'cdk8s';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { ConfigChart } from '../../constructs/platform/config-chart';
import { configNamespaces, podSecurityLabels } from '../../constructs/platform/platform-namespaces';
import { renderChart } from '../../constructs/synth/render-chart';

describe('ConfigChart', () => {
  const chart = new ConfigChart(new App(), 'config', { labels: { env: 'test' } });
  const manifests = renderChart(chart).map((o) => o.manifest);

  it('declares each platform namespace once, as a cdk8s-plus-28 Namespace, with its Pod Security labels', () => {
    const names = configNamespaces(PLATFORM_ADDONS);
    expect(chart.namespaces.map((ns) => ns.name)).toEqual(names);
    expect(manifests).toEqual(names.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { env: 'test', ...podSecurityLabels(name) } } })));
  });

  it('writes no spec (cdk8s-plus-28 forces `spec: {}`; the API server fills in the finalizers)', () => {
    expect(manifests.every((m) => !('spec' in m))).toBe(true);
  });
});
