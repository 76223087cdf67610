import { App, type Chart } from 'cdk8s';
import { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import { policiesAt } from '../../policies';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import { todayUtc } from '../calendar';
import type { ClusterPolicy } from '../kyverno/cluster-policy';
import type { PrometheusRules } from '../monitoring/prometheus-rules';
import { AddonsChart } from './addons-chart';
import { ArgoCdConfigChart } from './argocd-config-chart';
import { ClustersChart } from './clusters-chart';
import { ConfigChart } from './config-chart';
import { ObservabilityChart } from './observability-chart';
import { PoliciesChart } from './policies-chart';
import { CLUSTER_CONFIG_NAMESPACE } from './platform-namespaces';
import { ProjectsChart } from './projects-chart';
import { RootChart } from './root-chart';
import { type ClusterContent, SyncChart } from './sync-chart';

/**
 * `control-plane` components live on the management cluster and are synced by the root app;
 * `cluster-content` components are synced to every cluster by their ApplicationSet.
 */
export type ComponentScope = 'control-plane' | 'cluster-content';

export interface KubernetesComponent {
  /** Folder name under `dist/k8s/<env>/` and the chart's construct id. */
  readonly id: string;
  readonly scope: ComponentScope;
  readonly chart: Chart;
}

export interface KubernetesEstate {
  readonly app: App;
  readonly components: readonly KubernetesComponent[];
  /** The environment's Kyverno policies, for their CLI test suites. */
  readonly policies: readonly ClusterPolicy[];
  /** The environment's Prometheus rules, for their promtool test suites. */
  readonly prometheusRules: readonly PrometheusRules[];
}

/** Labels on every object, so `kubectl get -l gitops-cdk.io/env=prod` finds what we manage. */
function commonLabels(spec: EnvironmentSpec): Record<string, string> {
  return { 'app.kubernetes.io/managed-by': 'gitops-cdk', 'gitops-cdk.io/env': spec.name };
}

export interface EstateOptions {
  /** Today in UTC (`YYYY-MM-DD`): policy exceptions that expired before it are refused. */
  readonly today?: string;
}

/**
 * Builds the whole Kubernetes side of one environment, one cdk8s Chart per component, in `app`
 * (the cdk8s CLI entry point passes one App for every environment).
 */
export function buildKubernetesEstate(
  spec: EnvironmentSpec,
  app: App = new App({ outdir: 'cdk8s.out' }),
  options: EstateOptions = {},
): KubernetesEstate {
  // Construct paths start with the environment name: `prod/projects/platform`.
  const scope = new Construct(app, spec.name);
  const labels = commonLabels(spec);

  const policies = new PoliciesChart(scope, 'policies', {
    labels,
    spec,
    policies: policiesAt(spec.kyverno.catalog),
    exceptions: POLICY_EXCEPTIONS,
    today: options.today ?? todayUtc(),
  });
  const observability = new ObservabilityChart(scope, 'observability', { labels, spec });
  const contents: readonly (ClusterContent & { chart: Chart })[] = [
    { component: 'policies', namespace: 'kyverno', chart: policies },
    { component: 'observability', namespace: 'monitoring', chart: observability },
    { component: 'config', namespace: CLUSTER_CONFIG_NAMESPACE, chart: new ConfigChart(scope, 'config', { labels }) },
  ];

  const clusters = new ClustersChart(scope, 'clusters', { labels, spec });
  const projects = new ProjectsChart(scope, 'projects', { labels, spec, clusters: clusters.registrations });
  const project = projects.platform;
  const management = clusters.management;
  const controlPlane: readonly KubernetesComponent[] = [
    { id: 'projects', scope: 'control-plane', chart: projects },
    { id: 'argocd-config', scope: 'control-plane', chart: new ArgoCdConfigChart(scope, 'argocd-config', { labels, spec, projects: projects.projects }) },
    { id: 'clusters', scope: 'control-plane', chart: clusters },
    { id: 'addons', scope: 'control-plane', chart: new AddonsChart(scope, 'addons', { labels, spec, project, management }) },
    { id: 'sync', scope: 'control-plane', chart: new SyncChart(scope, 'sync', { labels, spec, project, contents }) },
    { id: 'root', scope: 'control-plane', chart: new RootChart(scope, 'root', { labels, spec, project, management }) },
  ];

  return {
    app,
    policies: policies.policies,
    prometheusRules: observability.rules,
    components: [
      ...controlPlane,
      ...contents.map((c): KubernetesComponent => ({ id: c.component, scope: 'cluster-content', chart: c.chart })),
    ],
  };
}
