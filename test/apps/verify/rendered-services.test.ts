import { stringify } from 'yaml';
import { servicesWithoutTargetPort } from '../../../apps/verify/rendered-services';

// Manifests shaped like argo-cd 7.8.2's redis: the metrics Service targets the port `metrics`,
// which only the redis-exporter sidecar (redis.exporter.enabled) declares.
function redis(exporter: boolean): string {
  const containers = [
    { name: 'redis', ports: [{ name: 'redis', containerPort: 6379 }] },
    ...(exporter ? [{ name: 'metrics', ports: [{ name: 'metrics', containerPort: 9121 }] }] : []),
  ];
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'argocd-redis' },
      spec: { template: { metadata: { labels: { app: 'redis', extra: 'x' } }, spec: { containers } } },
    },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'argocd-redis' }, spec: { selector: { app: 'redis' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }] } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'argocd-redis-metrics' },
      spec: { selector: { app: 'redis' }, ports: [{ name: 'http-metrics', port: 9121, targetPort: 'metrics' }] },
    },
    // kube-prometheus-stack style: a Service for pods outside the release is not judged.
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-etcd' },
      spec: { selector: { component: 'etcd' }, ports: [{ name: 'http-metrics', port: 2381, targetPort: 'metrics' }] },
    },
  ]
    .map((o) => stringify(o))
    .join('---\n');
}

describe('servicesWithoutTargetPort', () => {
  it('finds a Service whose named target port no selected pod exposes (redis metrics without the exporter)', () => {
    expect(servicesWithoutTargetPort(redis(false))).toEqual([
      'Service argocd-redis-metrics port http-metrics targets the port named metrics, which no pod it selects exposes (Deployment/argocd-redis)',
    ]);
  });

  it('accepts it once a selected pod exposes the port, and ignores Services selecting pods outside the release', () => {
    expect(servicesWithoutTargetPort(redis(true))).toEqual([]);
  });

  it('finds a ServiceMonitor none of whose endpoint ports its Services have; one missing endpoint of several is tolerated', () => {
    const manifests = (ports: readonly string[]) =>
      [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'tempo', labels: { app: 'tempo' } }, spec: { ports: [{ name: 'tempo-prom-metrics', port: 3100 }] } },
        {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'tempo' },
          spec: { selector: { matchLabels: { app: 'tempo' } }, endpoints: ports.map((port) => ({ port })) },
        },
        // Selects a Service the release does not render (kube-prometheus-stack's kubelet): not judged.
        {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'kubelet' },
          spec: { selector: { matchLabels: { k8s: 'kubelet' } }, endpoints: [{ port: 'https-metrics' }] },
        },
      ]
        .map((o) => stringify(o))
        .join('---\n');
    expect(servicesWithoutTargetPort(manifests(['tempo-prom-metrics', 'jaeger-metrics']))).toEqual([]);
    expect(servicesWithoutTargetPort(manifests(['http-metrics']))).toEqual(['ServiceMonitor tempo scrapes nothing: no Service it selects (tempo) has a port named http-metrics']);
  });
});
