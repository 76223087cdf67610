import type { PlatformAddon } from './platform-addon';

/** Ships every container's logs off the node. */
export const FLUENT_BIT_ADDON: PlatformAddon = {
  versionKey: 'fluentBit',
  name: 'fluent-bit',
  chart: { repoUrl: 'https://fluent.github.io/helm-charts', chart: 'fluent-bit' },
  namespace: 'monitoring',
  placement: 'every-cluster',
  serverSideApply: false,
  values: () => ({ serviceMonitor: { enabled: true } }),
};
