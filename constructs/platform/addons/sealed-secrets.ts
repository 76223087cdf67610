import type { PlatformAddon } from './platform-addon';

export const SEALED_SECRETS_ADDON: PlatformAddon = {
  versionKey: 'sealedSecrets',
  name: 'sealed-secrets',
  chart: { repoUrl: 'https://bitnami-labs.github.io/sealed-secrets', chart: 'sealed-secrets' },
  namespace: 'sealed-secrets',
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [{ group: 'bitnami.com', kind: 'SealedSecret' }],
  values: () => ({
    // The name kubeseal looks for by default.
    fullnameOverride: 'sealed-secrets-controller',
    // honorLabels is the chart's default, stated here because the secrets alerts rely on it: the
    // controller's `namespace` label (the SealedSecret's) is kept, not renamed to `exported_namespace`.
    metrics: { serviceMonitor: { enabled: true, honorLabels: true } },
  }),
};
