import type { PlatformAddon } from './platform-addon';

/** Stores traces (OTLP) for Grafana. */
export const TEMPO_ADDON: PlatformAddon = {
  versionKey: 'tempo',
  name: 'tempo',
  chart: { repoUrl: 'https://grafana.github.io/helm-charts', chart: 'tempo' },
  namespace: 'monitoring',
  placement: 'every-cluster',
  serverSideApply: false,
  values: () => ({ serviceMonitor: { enabled: true } }),
};
