import type { ChartVersions, EnvironmentSpec } from '../../environments/types';
import type { HelmChartRef, HelmValues } from '../argocd/application-source';
import { POLICY_EXCEPTION_NAMESPACE } from '../kyverno/policy-exception';

/** Where an add-on runs: on every cluster of the environment, or only where Argo CD runs. */
export type AddonPlacement = 'every-cluster' | 'management-cluster';

/** An upstream Helm chart the platform installs, with the values every environment derives. */
export interface PlatformAddon {
  /** The key of its pinned version in `EnvironmentSpec.charts`. */
  readonly versionKey: keyof ChartVersions;
  /** Application(Set) name. */
  readonly name: string;
  readonly chart: HelmChartRef;
  readonly namespace: string;
  readonly placement: AddonPlacement;
  /** Charts whose CRDs exceed client-side apply's 256 KiB annotation limit. */
  readonly serverSideApply: boolean;
  readonly values: (spec: EnvironmentSpec) => HelmValues;
}

const ARGO_HELM = 'https://argoproj.github.io/argo-helm';

/** Replicas of admission-path controllers: one in development, three (HA across zones) above it. */
function haReplicas(spec: EnvironmentSpec): number {
  return spec.tier === 'development' ? 1 : 3;
}

/**
 * The platform add-ons of seed WS3, one entry each. Values switch on the metrics and
 * ServiceMonitors of every component (WS3's gap: Argo CD metrics not in Prometheus).
 */
export const PLATFORM_ADDONS: readonly PlatformAddon[] = [
  {
    versionKey: 'argoCd',
    name: 'argo-cd',
    chart: { repoUrl: ARGO_HELM, chart: 'argo-cd' },
    namespace: 'argocd',
    placement: 'management-cluster',
    serverSideApply: true,
    values: (spec) => {
      const metrics = { metrics: { enabled: true, serviceMonitor: { enabled: true } } };
      return {
        // argocd-cm, argocd-rbac-cm and argocd-notifications-cm come from the argocd-config
        // component; the chart must not render a second, conflicting copy.
        configs: { cm: { create: false }, rbac: { create: false } },
        notifications: { cm: { create: false }, secret: { create: false }, ...metrics },
        controller: { ...metrics, replicas: haReplicas(spec) === 1 ? 1 : 2 },
        server: metrics,
        repoServer: { ...metrics, replicas: haReplicas(spec) },
        applicationSet: metrics,
        redis: metrics,
      };
    },
  },
  {
    versionKey: 'kyverno',
    name: 'kyverno',
    chart: { repoUrl: 'https://kyverno.github.io/kyverno/', chart: 'kyverno' },
    namespace: 'kyverno',
    placement: 'every-cluster',
    serverSideApply: true,
    values: (spec) => {
      const serviceMonitor = { serviceMonitor: { enabled: true } };
      return {
        admissionController: { replicas: haReplicas(spec), ...serviceMonitor },
        backgroundController: serviceMonitor,
        cleanupController: serviceMonitor,
        reportsController: serviceMonitor,
        // Exceptions are honoured only from the namespace gitops-cdk writes them to, so a tenant
        // who can create objects in their own namespace cannot exempt themselves.
        features: { policyExceptions: { enabled: true, namespace: POLICY_EXCEPTION_NAMESPACE } },
      };
    },
  },
  {
    versionKey: 'policyReporter',
    name: 'policy-reporter',
    chart: { repoUrl: 'https://kyverno.github.io/policy-reporter', chart: 'policy-reporter' },
    namespace: 'policy-reporter',
    placement: 'every-cluster',
    serverSideApply: false,
    values: () => ({ metrics: { enabled: true }, monitoring: { enabled: true } }),
  },
  {
    versionKey: 'kubePrometheusStack',
    name: 'kube-prometheus-stack',
    chart: { repoUrl: 'https://prometheus-community.github.io/helm-charts', chart: 'kube-prometheus-stack' },
    namespace: 'monitoring',
    placement: 'every-cluster',
    serverSideApply: true,
    values: (spec) => ({
      prometheus: {
        prometheusSpec: {
          // Pick up every PrometheusRule/ServiceMonitor, not only those labelled for this release.
          ruleSelectorNilUsesHelmValues: false,
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          // `{{.name}}` is the ApplicationSet's cluster name: alerts from many clusters stay apart.
          externalLabels: { cluster: '{{.name}}', env: spec.name },
        },
      },
    }),
  },
  {
    versionKey: 'argoRollouts',
    name: 'argo-rollouts',
    chart: { repoUrl: ARGO_HELM, chart: 'argo-rollouts' },
    namespace: 'argo-rollouts',
    placement: 'every-cluster',
    serverSideApply: true,
    values: () => ({
      controller: { metrics: { enabled: true, serviceMonitor: { enabled: true } } },
      dashboard: { enabled: false },
    }),
  },
  {
    versionKey: 'sealedSecrets',
    name: 'sealed-secrets',
    chart: { repoUrl: 'https://bitnami-labs.github.io/sealed-secrets', chart: 'sealed-secrets' },
    namespace: 'sealed-secrets',
    placement: 'every-cluster',
    serverSideApply: false,
    values: () => ({
      // The name kubeseal looks for by default.
      fullnameOverride: 'sealed-secrets-controller',
      metrics: { serviceMonitor: { enabled: true } },
    }),
  },
];
