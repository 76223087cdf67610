import { ARGO_CD_ADDON } from './addons/argo-cd';
import { ARGO_ROLLOUTS_ADDON } from './addons/argo-rollouts';
import { CLUSTER_AUTOSCALER_ADDON } from './addons/cluster-autoscaler';
import { FLUENT_BIT_ADDON } from './addons/fluent-bit';
import { KUBE_PROMETHEUS_STACK_ADDON } from './addons/kube-prometheus-stack';
import { KYVERNO_ADDON } from './addons/kyverno';
import { OPENCOST_ADDON } from './addons/opencost';
import type { PlatformAddon } from './addons/platform-addon';
import { POLICY_REPORTER_ADDON } from './addons/policy-reporter';
import { PROMETHEUS_PUSHGATEWAY_ADDON } from './addons/prometheus-pushgateway';
import { SEALED_SECRETS_ADDON } from './addons/sealed-secrets';
import { TEMPO_ADDON } from './addons/tempo';
import { VELERO_ADDONS } from './addons/velero';

/**
 * The platform add-ons of seed WS3, one file each under `addons/`. Values switch on the metrics and
 * ServiceMonitors of every component (WS3's gap: Argo CD metrics not in Prometheus). The
 * cluster-autoscaler runs on EKS clusters only (their node groups do not scale by themselves).
 */
export const PLATFORM_ADDONS: readonly PlatformAddon[] = [
  ARGO_CD_ADDON,
  KYVERNO_ADDON,
  POLICY_REPORTER_ADDON,
  KUBE_PROMETHEUS_STACK_ADDON,
  ARGO_ROLLOUTS_ADDON,
  SEALED_SECRETS_ADDON,
  PROMETHEUS_PUSHGATEWAY_ADDON,
  FLUENT_BIT_ADDON,
  TEMPO_ADDON,
  CLUSTER_AUTOSCALER_ADDON,
  // One per cloud (each plugin has its own location keys): Velero on every cluster.
  ...VELERO_ADDONS,
  // What each namespace costs, which the cost-allocation rules sum per tenant.
  OPENCOST_ADDON,
];
