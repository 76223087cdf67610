import type { PlatformAddon } from './platform-addon';
import { PROMETHEUS_COMMUNITY_HELM } from './chart-repositories';

/** Where the Terraform drift checks push their result; Prometheus scrapes it like any target. */
export const PROMETHEUS_PUSHGATEWAY_ADDON: PlatformAddon = {
  versionKey: 'pushgateway',
  name: 'prometheus-pushgateway',
  chart: { repoUrl: PROMETHEUS_COMMUNITY_HELM, chart: 'prometheus-pushgateway' },
  namespace: 'monitoring',
  placement: 'every-cluster',
  serverSideApply: false,
  values: () => ({ serviceMonitor: { enabled: true, honorLabels: true } }),
};
