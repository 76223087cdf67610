import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
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
};

function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), values);
}

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  it.each(Object.entries(SERVICE_MONITOR_SWITCHES))('%s ships the ServiceMonitors of its metrics', (name, switches) => {
    const addon = PLATFORM_ADDONS.find((a) => a.name === name)!;
    const values = addon.values(spec);
    expect(switches.map((path) => [path, at(values, path)])).toEqual(switches.map((path) => [path, true]));
  });

  it('lists every add-on but kube-prometheus-stack (Prometheus itself) here', () => {
    expect(PLATFORM_ADDONS.map((a) => a.name).filter((n) => !(n in SERVICE_MONITOR_SWITCHES))).toEqual(['kube-prometheus-stack']);
  });
});
