import type { PlatformAddon } from './platform-addon';

export const POLICY_REPORTER_ADDON: PlatformAddon = {
  versionKey: 'policyReporter',
  name: 'policy-reporter',
  chart: { repoUrl: 'https://kyverno.github.io/policy-reporter', chart: 'policy-reporter' },
  namespace: 'policy-reporter',
  placement: 'every-cluster',
  serverSideApply: false,
  values: () => ({ metrics: { enabled: true }, monitoring: { enabled: true } }),
};
