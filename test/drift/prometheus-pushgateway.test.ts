import { PROMETHEUS_PUSHGATEWAY_ADDON, PUSHGATEWAY, pushgatewayUrl } from '../../constructs/platform/addons/prometheus-pushgateway';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

describe('the prometheus-pushgateway add-on', () => {
  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s: Prometheus keeps the pushed job and stack labels, from one stable Service name', (_, spec) => {
    expect(PROMETHEUS_PUSHGATEWAY_ADDON.values(spec)).toMatchObject({
      fullnameOverride: 'prometheus-pushgateway',
      serviceMonitor: { enabled: true, honorLabels: true },
    });
  });

  it('keeps no state on disk: every check re-pushes within an interval', () => {
    expect(PROMETHEUS_PUSHGATEWAY_ADDON.values(ENVIRONMENTS[0]!)).toMatchObject({ persistentVolume: { enabled: false } });
  });

  it('requests CPU and memory, limits memory, and runs without privileges on a read-only root', () => {
    expect(PROMETHEUS_PUSHGATEWAY_ADDON.values(ENVIRONMENTS[0]!)).toMatchObject({
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
      containerSecurityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
  });

  it('runs on every cluster in monitoring, where the pushers find it', () => {
    expect([PROMETHEUS_PUSHGATEWAY_ADDON.namespace, PROMETHEUS_PUSHGATEWAY_ADDON.placement]).toEqual(['monitoring', 'every-cluster']);
    expect(pushgatewayUrl()).toBe(`http://${PUSHGATEWAY.service}.monitoring.svc:9091`);
  });
});
