import { ARGO_HELM } from './chart-repositories';
import type { PlatformAddon } from './platform-addon';

export const ARGO_ROLLOUTS_ADDON: PlatformAddon = {
  versionKey: 'argoRollouts',
  name: 'argo-rollouts',
  chart: { repoUrl: ARGO_HELM, chart: 'argo-rollouts' },
  namespace: 'argo-rollouts',
  placement: 'every-cluster',
  serverSideApply: true,
  crds: [
    { group: 'argoproj.io', kind: 'Rollout' },
    { group: 'argoproj.io', kind: 'AnalysisTemplate' },
    { group: 'argoproj.io', kind: 'ClusterAnalysisTemplate' },
  ],
  values: () => ({
    controller: { metrics: { enabled: true, serviceMonitor: { enabled: true } } },
    dashboard: { enabled: false },
  }),
};
