import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { placedClusters } from '../../constructs/platform/addons/platform-addon';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

// The rules read these add-ons' metrics; Prometheus only scrapes what a ServiceMonitor selects.
// The charts ship ServiceMonitors that match their own metrics Services (and so the `job` names
// the domains derive), switched on through these values.
const SERVICE_MONITOR_SWITCHES: Readonly<Record<string, readonly string[]>> = {
  'argo-cd': [
    'controller.metrics.serviceMonitor.enabled',
    'repoServer.metrics.serviceMonitor.enabled',
    'server.metrics.serviceMonitor.enabled',
    'applicationSet.metrics.serviceMonitor.enabled',
    'notifications.metrics.serviceMonitor.enabled',
  ],
  kyverno: [
    'admissionController.serviceMonitor.enabled',
    'backgroundController.serviceMonitor.enabled',
    'reportsController.serviceMonitor.enabled',
    'cleanupController.serviceMonitor.enabled',
  ],
  'argo-rollouts': ['controller.metrics.enabled', 'controller.metrics.serviceMonitor.enabled'],
  'policy-reporter': ['metrics.enabled', 'monitoring.enabled'],
  'sealed-secrets': ['metrics.serviceMonitor.enabled'],
  'prometheus-pushgateway': ['serviceMonitor.enabled', 'serviceMonitor.honorLabels'],
  'fluent-bit': ['serviceMonitor.enabled'],
  tempo: ['serviceMonitor.enabled'],
  'cluster-autoscaler': ['serviceMonitor.enabled'],
  // Not autodetected: Argo CD renders without the cluster's API versions (addons/velero.ts).
  'velero-aws': ['metrics.enabled', 'metrics.serviceMonitor.enabled'],
  'velero-azure': ['metrics.enabled', 'metrics.serviceMonitor.enabled'],
  'velero-gcp': ['metrics.enabled', 'metrics.serviceMonitor.enabled'],
  // honorLabels: OpenCost's own namespace/pod/node labels, which the cost-allocation rules sum by.
  opencost: ['opencost.metrics.serviceMonitor.enabled', 'opencost.metrics.serviceMonitor.honorLabels'],
};

function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), values);
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  // An add-on of a cloud the environment has no cluster on is not installed there (addons-chart.ts).
  const installed = Object.entries(SERVICE_MONITOR_SWITCHES).filter(([name]) => placedClusters(spec, PLATFORM_ADDONS.find((a) => a.name === name)!.placement).length > 0);
  it.each(installed)('%s ships the ServiceMonitors of its metrics', (name, switches) => {
    const addon = PLATFORM_ADDONS.find((a) => a.name === name)!;
    const values = addon.values(spec);
    expect(switches.map((path) => [path, at(values, path)])).toEqual(switches.map((path) => [path, true]));
  });

  it('lists every add-on but kube-prometheus-stack (Prometheus itself) here', () => {
    expect(PLATFORM_ADDONS.map((a) => a.name).filter((n) => !(n in SERVICE_MONITOR_SWITCHES))).toEqual(['kube-prometheus-stack']);
  });
});
