import { stringify } from 'yaml';
import { servicesWithoutTargetPort } from '../../../apps/verify/rendered-services';

// Manifests shaped like argo-cd 7.8.2's redis: the metrics Service targets the port `metrics`,
// which only the redis-exporter sidecar (redis.exporter.enabled) declares.
function redis(exporter: boolean): string {
  const containers = [{ name: 'redis', ports: [{ name: 'redis', containerPort: 6379 }] }, ...(exporter ? [{ name: 'metrics', ports: [{ name: 'metrics', containerPort: 9121 }] }] : [])];
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'argocd-redis' }, spec: { template: { metadata: { labels: { app: 'redis', extra: 'x' } }, spec: { containers } } } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'argocd-redis' }, spec: { selector: { app: 'redis' }, ports: [{ name: 'tcp-redis', port: 6379, targetPort: 6379 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'argocd-redis-metrics' }, spec: { selector: { app: 'redis' }, ports: [{ name: 'http-metrics', port: 9121, targetPort: 'metrics' }] } },
    // kube-prometheus-stack style: a Service for pods outside the release is not judged.
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kube-etcd' }, spec: { selector: { component: 'etcd' }, ports: [{ name: 'http-metrics', port: 2381, targetPort: 'metrics' }] } },
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
});
