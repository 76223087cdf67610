import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { fixtureWorkload } from '../support/fixture-workload';
import { manifestOfKind, renderWorkload } from './render-workload';

const { manifests } = renderWorkload('staging');
const policy = (name: string) => manifestOfKind(manifests, 'NetworkPolicy', name) as unknown as INetworkPolicy;

describe("the workload's NetworkPolicies through the namespace's generated default-deny", () => {
  it('lets Prometheus in the monitoring namespace scrape the metrics port, and nothing else reach it', () => {
    expect(policy('echo-allow-prometheus').spec).toEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'echo' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 'metrics' }] }],
    });
  });

  it('lets in-cluster clients reach the served ports, not the metrics port', () => {
    const spec = policy('echo-allow-serving').spec;
    expect(spec?.ingress).toEqual([{ from: [{ namespaceSelector: {} }], ports: [{ protocol: 'TCP', port: 'http' }] }]);
    expect(spec?.policyTypes).toEqual(['Ingress']);
  });

  it('lives in the workload namespace and selects its pods only', () => {
    for (const name of ['echo-allow-prometheus', 'echo-allow-serving']) {
      expect(policy(name).metadata?.namespace).toBe('echo');
      expect(policy(name).spec?.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'echo' } });
    }
  });

  it('opens every served port of a workload with several', () => {
    const workload = fixtureWorkload({ ports: [...fixtureWorkload().ports, { name: 'grpc', containerPort: 9999 }] });
    const serving = manifestOfKind(renderWorkload('development', workload).manifests, 'NetworkPolicy', 'echo-allow-serving') as unknown as INetworkPolicy;
    expect(serving.spec?.ingress?.[0]?.ports?.map((p) => p.port)).toEqual(['http', 'grpc']);
  });
});

describe('the PodMonitor and Services', () => {
  it('scrapes the metrics port and copies the pod template hash onto every series', () => {
    expect(manifestOfKind(manifests, 'PodMonitor').spec).toEqual({
      selector: { matchLabels: { 'app.kubernetes.io/name': 'echo' } },
      podTargetLabels: ['rollouts-pod-template-hash'],
      podMetricsEndpoints: [{ port: 'metrics', path: '/metrics' }],
    });
  });

  it('serves the served ports on a ClusterIP Service selecting the template labels', () => {
    expect(manifestOfKind(manifests, 'Service', 'echo').spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'echo' },
      ports: [{ name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' }],
    });
  });

  it('brings a restricted Namespace with the ownership labels', () => {
    expect(manifestOfKind(manifests, 'Namespace').metadata.labels).toEqual(
      expect.objectContaining({ 'pod-security.kubernetes.io/enforce': 'restricted', owner: 'fixture-platform', 'cost-centre': 'cc-0042', env: 'stage' }),
    );
  });
});
