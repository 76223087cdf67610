import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { KUBE_PROMETHEUS_STACK_ADDON } from '../../constructs/platform/addons/kube-prometheus-stack';
import { OPENCOST_ADDON, type OpenCostValues } from '../../constructs/platform/addons/opencost';
import { fixtureEnvironment } from '../support/fixture-environment';

const spec = fixtureEnvironment({ tier: 'production' });
const values = OPENCOST_ADDON.values(spec) as OpenCostValues;

describe('the OpenCost add-on', () => {
  it('is a platform add-on on every cluster, pinned by its own chart key, without CRDs', () => {
    expect(PLATFORM_ADDONS).toContain(OPENCOST_ADDON);
    expect(OPENCOST_ADDON).toMatchObject({ versionKey: 'opencost', namespace: 'opencost', placement: 'every-cluster', crds: [], serverSideApply: false });
    expect(spec.charts.opencost).toBe('2.5.17');
  });

  it("queries the cluster's own kube-prometheus-stack Prometheus and names itself after the cluster", () => {
    expect(values.opencost.prometheus).toEqual({
      internal: { enabled: true, serviceName: 'prometheus-operated', namespaceName: 'monitoring', port: 9090, scheme: 'http' },
      external: { enabled: false },
    });
    expect(values.opencost.exporter.defaultClusterId).toBe('{{.name}}');
  });

  it('runs the custom provider (GCP list prices) on GKE clusters only: the GCP provider will not start without a pricing API key', () => {
    const lab = fixtureEnvironment({ tier: 'development' });
    const env = (OPENCOST_ADDON.values(lab) as OpenCostValues).opencost.exporter.env;
    expect(env).toHaveLength(1);
    expect(env[0]!.name).toBe('USE_CUSTOM_PROVIDER');
    const template = String(env[0]!.value);
    expect(lab.clusters.some((c) => c.cloud === 'gcp') && lab.clusters.some((c) => c.cloud !== 'gcp')).toBe(true);
    for (const cluster of lab.clusters) expect(template).toContain(`eq .name \`${cluster.name}\` }}${cluster.cloud === 'gcp'}`);
  });

  it('opens nothing beyond its metrics: no UI, no MCP server, no cloud billing integration', () => {
    expect([values.opencost.ui, values.opencost.mcp, values.opencost.cloudCost]).toEqual([{ enabled: false }, { enabled: false }, { enabled: false }]);
  });

  it('is scraped with its own labels and does not duplicate kube-state-metrics', () => {
    expect(values.opencost.metrics).toEqual({ serviceMonitor: { enabled: true, honorLabels: true, scrapeInterval: '1m' }, kubeStateMetrics: { emitKsmV1Metrics: false } });
  });

  it('runs restricted: non-root, no privilege escalation, no capabilities, read-only root with an emptyDir for its configuration', () => {
    expect(values.opencost.exporter.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      runAsNonRoot: true,
    });
    expect(values.podSecurityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const [mount] = values.opencost.exporter.extraVolumeMounts;
    expect(mount).toEqual({ name: 'opencost-config', mountPath: '/var/configs' });
    expect(values.extraVolumes).toEqual([{ name: 'opencost-config', emptyDir: {} }]);
  });

  it('requests resources and caps its memory', () => {
    expect(values.opencost.exporter.resources).toEqual({ requests: { cpu: '10m', memory: '55Mi' }, limits: { memory: '1Gi' } });
  });
});

describe("kube-state-metrics' namespace labels", () => {
  it('exports the tenant and cost-centre labels of every namespace on kube_namespace_labels', () => {
    const stack = KUBE_PROMETHEUS_STACK_ADDON.values(spec) as { 'kube-state-metrics': unknown };
    expect(stack['kube-state-metrics']).toEqual({ metricLabelsAllowlist: ['namespaces=[gitops-cdk.io/tenant,cost-centre]'] });
  });
});
