import type { PlatformAddon } from './platform-addon';
import { haReplicas } from './ha-replicas';
import { ARGO_HELM } from './chart-repositories';
import { DRIFT_LABELS } from '../../drift/drift-policy';
import { argoCdIdentityValues } from './argo-cd-identity';

export const ARGO_CD_ADDON: PlatformAddon = {
  versionKey: 'argoCd',
  name: 'argo-cd',
  chart: { repoUrl: ARGO_HELM, chart: 'argo-cd' },
  namespace: 'argocd',
  placement: 'management-cluster',
  serverSideApply: true,
  values: (spec) => {
    const metrics = { metrics: { enabled: true, serviceMonitor: { enabled: true } } };
    const identity = argoCdIdentityValues(spec);
    return {
      // The chart's default, stated so that the monitoring domain can derive the Services' names
      // (`argo-cd-argocd-<component>-metrics`) from these values.
      nameOverride: 'argocd',
      // argocd-cm, argocd-rbac-cm and argocd-notifications-cm come from the argocd-config
      // component; the chart must not render a second, conflicting copy.
      configs: { cm: { create: false }, rbac: { create: false } },
      notifications: { cm: { create: false }, secret: { create: false }, ...metrics },
      controller: {
        metrics: {
          ...metrics.metrics,
          // Exported on `argocd_app_labels`: the drift alerts select Applications by class and severity.
          applicationLabels: { enabled: true, labels: Object.values(DRIFT_LABELS) },
        },
        replicas: haReplicas(spec) === 1 ? 1 : 2,
        ...identity.controller,
      },
      server: { ...metrics, ...identity.server },
      repoServer: { ...metrics, replicas: haReplicas(spec) },
      applicationSet: metrics,
      redis: metrics,
    };
  },
};
