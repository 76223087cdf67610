import { App, type Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SingleClusterSync } from '../../constructs/argocd/single-cluster-sync';
import { skipDryRunOnMissingCrds } from '../../constructs/argocd/skip-dry-run';
import { ComplianceReportChart } from '../../constructs/compliance-report/compliance-report-chart';
import { todayUtc } from '../../constructs/core/calendar';
import { POLICY_REPORTER_WORKLOAD, TERRAFORM_DRIFT_WORKLOAD } from '../../constructs/core/observability-contract';
import { driftCheckRunners } from '../../constructs/drift/drift-check-runners';
import { DriftPolicy } from '../../constructs/drift/drift-policy';
import { TerraformDriftChart } from '../../constructs/drift/terraform-drift-chart';
import { ENVIRONMENT_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import type { ClusterPolicy } from '../../constructs/kyverno/cluster-policy';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import type { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { AddonsChart } from '../../constructs/platform/addons-chart';
import { ArgoCdConfigChart } from '../../constructs/platform/argocd-config-chart';
import { bootstrapFiles } from '../../constructs/platform/bootstrap';
import { ClustersChart } from '../../constructs/platform/clusters-chart';
import { ConfigChart } from '../../constructs/platform/config-chart';
import { ObservabilityChart } from '../../constructs/platform/observability-chart';
import { CLUSTER_CONFIG_NAMESPACE, namespaceSyncOptions } from '../../constructs/platform/platform-namespaces';
import { PoliciesChart } from '../../constructs/platform/policies-chart';
import { ProjectsChart } from '../../constructs/platform/projects-chart';
import { RootChart } from '../../constructs/platform/root-chart';
import { type ClusterContent, SyncChart } from '../../constructs/platform/sync-chart';
import { SealedSecretsChart, sealedSecretsComponent } from '../../constructs/secrets/sealed-secrets-chart';
import { SecretSlotCheck } from '../../constructs/secrets/secret-slot-check';
import type { ManifestFileNames } from '../../constructs/synth/manifest-file';
import type { EnvironmentSpec } from '../../environments/types';
import { policiesAt } from '../../policies';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import { bootstrapLayout, k8sComponentDir, k8sEnvironmentDir, terraformEnvironmentDir } from '../synth/dist-layout';
import { deliveredWorkloadComponents, deliveryProjects } from './delivered-workloads';
import { monitoringDomains } from './monitoring-domains';
import { tenantComponents, tenantProjects } from './tenants';

/**
 * `control-plane` components live on the management cluster and are synced by the root app;
 * `cluster-content` components are synced to every cluster by their ApplicationSet;
 * `single-cluster` components are synced to one cluster by an Application of the sync component.
 */
export type ComponentScope = 'control-plane' | 'cluster-content' | 'single-cluster';

export interface KubernetesComponent {
  /** Folder name under `dist/k8s/<env>/` and the chart's construct id. */
  readonly id: string;
  readonly scope: ComponentScope;
  readonly chart: Chart;
  /** @default 'kind-name' */
  readonly fileNames?: ManifestFileNames;
}

export interface PlacedPolicy {
  readonly policy: ClusterPolicy;
  /** The component folder under `dist/k8s/<env>/` holding its manifest. */
  readonly component: string;
}

export interface KubernetesEstate {
  readonly app: App;
  readonly components: readonly KubernetesComponent[];
  /** The environment's Kyverno policies and the component folder each is in, for their CLI test suites. */
  readonly policies: readonly PlacedPolicy[];
  /** The environment's Prometheus rules, for their promtool test suites. */
  readonly prometheusRules: readonly PrometheusRules[];
  /** The bootstrap of the management cluster (`dist/bootstrap/<env>/`), keyed by repository path. */
  readonly bootstrap: ReadonlyMap<string, string>;
}

/** The folder of the policies synced to the management cluster only. */
export const MANAGEMENT_POLICIES_COMPONENT = 'policies-management';

/**
 * Each exception goes to the folder of the policies it waives. One that names no policy of the
 * catalog goes with the every-cluster policies, where its validation refuses it by name; one that
 * waives policies of both folders is refused here (Kyverno resolves an exception's policies on the
 * cluster it is applied to).
 */
export function placeExceptions(
  environment: string,
  exceptions: readonly PolicyExceptionDefinition[],
  managementOnly: ReadonlySet<string>,
): { everywhere: PolicyExceptionDefinition[]; management: PolicyExceptionDefinition[] } {
  const everywhere: PolicyExceptionDefinition[] = [];
  const management: PolicyExceptionDefinition[] = [];
  for (const exception of exceptions) {
    const onManagement = exception.waives.filter((w) => managementOnly.has(w.policy)).map((w) => w.policy);
    if (onManagement.length === 0) everywhere.push(exception);
    else if (onManagement.length === exception.waives.length) management.push(exception);
    else {
      throw new Error(
        `${environment}: exception ${exception.name} waives ${onManagement.join(', ')}, synced to the management cluster only, ` +
          'together with policies synced to every cluster: split it into one exception per folder',
      );
    }
  }
  return { everywhere, management };
}

/** Labels on every object, so `kubectl get -l gitops-cdk.io/env=prod` finds what we manage. */
function commonLabels(spec: EnvironmentSpec): Record<string, string> {
  return { 'app.kubernetes.io/managed-by': 'gitops-cdk', [ENVIRONMENT_LABEL]: spec.name };
}

export interface EstateOptions {
  /** Today in UTC (`YYYY-MM-DD`): policy exceptions that expired before it are refused. */
  readonly today?: string;
  /** The granted policy exceptions; each environment takes those that name it. @default POLICY_EXCEPTIONS */
  readonly exceptions?: readonly PolicyExceptionDefinition[];
}

/**
 * Builds the whole Kubernetes side of one environment, one cdk8s Chart per component, in `app`
 * (the cdk8s CLI entry point passes one App for every environment).
 */
export function buildKubernetesEstate(spec: EnvironmentSpec, app: App = new App({ outdir: 'cdk8s.out' }), options: EstateOptions = {}): KubernetesEstate {
  // Construct paths start with the environment name: `prod/projects/platform`.
  const scope = new Construct(app, spec.name);
  const labels = commonLabels(spec);

  const catalog = policiesAt(spec.kyverno.catalog);
  const managementOnly = catalog.filter((p) => p.placement === 'management-cluster');
  const { everywhere: everywhereExceptions, management: managementExceptions } = placeExceptions(
    spec.name,
    (options.exceptions ?? POLICY_EXCEPTIONS).filter((e) => e.environments.includes(spec.name)),
    new Set(managementOnly.map((p) => p.name)),
  );
  const drift = DriftPolicy.fromSpec(spec);
  const pathOf = (component: string) => k8sComponentDir(spec.name, component);
  const policiesProps = { labels, environment: spec, today: options.today ?? todayUtc() };
  const policies = new PoliciesChart(scope, 'policies', {
    ...policiesProps,
    policies: catalog.filter((p) => (p.placement ?? 'every-cluster') === 'every-cluster'),
    exceptions: everywhereExceptions,
  });
  const managementPolicies =
    managementOnly.length > 0
      ? new PoliciesChart(scope, MANAGEMENT_POLICIES_COMPONENT, { ...policiesProps, policies: managementOnly, exceptions: managementExceptions })
      : undefined;
  const observability = new ObservabilityChart(scope, 'observability', { labels, spec, domains: monitoringDomains(spec) });
  const contents: readonly (ClusterContent & { chart: Chart })[] = [
    { component: 'policies', path: pathOf('policies'), namespace: 'kyverno', driftClass: 'policies', chart: policies },
    { component: 'observability', path: pathOf('observability'), namespace: 'monitoring', driftClass: 'observability', chart: observability },
    {
      component: 'config',
      path: pathOf('config'),
      namespace: CLUSTER_CONFIG_NAMESPACE,
      driftClass: 'configuration',
      chart: new ConfigChart(scope, 'config', { labels }),
    },
  ];

  const clusters = new ClustersChart(scope, 'clusters', { labels, environment: spec });
  const projects = new ProjectsChart(scope, 'projects', { labels, environment: spec, clusters: clusters.registrations });
  const project = projects.platform;
  const management = clusters.management;
  // Delivered workloads (Argo Rollouts) have their own project.
  const workloadProjects = deliveryProjects(spec, projects, clusters.registrations);
  // Tenants: the platform's tenancy project and one project per tenant (none without tenants).
  const tenancy = tenantProjects(spec, projects, clusters.registrations);
  const argoCdConfig = new ArgoCdConfigChart(scope, 'argocd-config', {
    labels,
    environment: spec,
    projects: [...projects.projects, ...workloadProjects, ...(tenancy?.all ?? [])],
  });
  const addons = new AddonsChart(scope, 'addons', { labels, environment: spec, drift, project, management });
  const sync = new SyncChart(scope, 'sync', { labels, environment: spec.name, gitops: spec.gitops, drift, project, contents });
  const root = new RootChart(scope, 'root', { labels, environment: spec.name, gitops: spec.gitops, path: k8sEnvironmentDir(spec.name), drift, project, management });
  const controlPlane: readonly KubernetesComponent[] = [
    { id: 'projects', scope: 'control-plane', chart: projects },
    { id: 'argocd-config', scope: 'control-plane', chart: argoCdConfig },
    { id: 'clusters', scope: 'control-plane', chart: clusters },
    { id: 'addons', scope: 'control-plane', chart: addons },
    { id: 'sync', scope: 'control-plane', chart: sync },
    { id: 'root', scope: 'control-plane', chart: root },
  ];

  // Terraform drift checks: each stack is planned on one cluster of its cloud, so each runner
  // cluster gets its own folder and its own Application (next to the other sync applications).
  const registrationOf = (cluster: string, purpose: string) => {
    const registration = clusters.registrations.find((r) => r.clusterName === cluster);
    if (registration === undefined) throw new Error(`${spec.name}: cluster ${cluster} runs ${purpose} but is not registered with Argo CD`);
    return registration;
  };
  // Policies on kinds that exist only where Argo CD runs (Applications) are synced there alone.
  const managementPolicyComponents: KubernetesComponent[] = [];
  if (managementPolicies !== undefined) {
    new SingleClusterSync(sync, MANAGEMENT_POLICIES_COMPONENT, {
      gitops: spec.gitops,
      drift,
      project,
      cluster: management,
      path: pathOf(MANAGEMENT_POLICIES_COMPONENT),
      purpose: MANAGEMENT_POLICIES_COMPONENT,
      namespace: 'kyverno',
      driftClass: 'policies',
      syncOptions: namespaceSyncOptions('kyverno'),
    });
    managementPolicyComponents.push({ id: MANAGEMENT_POLICIES_COMPONENT, scope: 'single-cluster', chart: managementPolicies });
  }

  const driftChecks = driftCheckRunners(spec).map((runner): KubernetesComponent => {
    const registration = registrationOf(runner.cluster.name, 'drift checks');
    new SingleClusterSync(sync, runner.component, {
      gitops: spec.gitops,
      drift,
      project,
      cluster: registration,
      path: pathOf(runner.component),
      purpose: 'terraform-drift',
      namespace: TERRAFORM_DRIFT_WORKLOAD.namespace,
      driftClass: 'observability',
    });
    const chart = new TerraformDriftChart(scope, runner.component, {
      labels,
      spec,
      cluster: runner.cluster,
      stacks: runner.stacks,
      terraformDir: terraformEnvironmentDir(spec.name),
    });
    return { id: runner.component, scope: 'single-cluster', chart };
  });

  // Compliance reports: every cluster reports its own policy results, so each has its own folder
  // (its store, cloud CLI and identity differ) synced to it alone.
  const complianceReports = spec.clusters.map((cluster): KubernetesComponent => {
    const component = `compliance-report-${cluster.name}`;
    const registration = registrationOf(cluster.name, 'a compliance report');
    new SingleClusterSync(sync, component, {
      gitops: spec.gitops,
      drift,
      project,
      cluster: registration,
      path: pathOf(component),
      purpose: 'compliance-report',
      namespace: POLICY_REPORTER_WORKLOAD.namespace,
      driftClass: 'observability',
      syncOptions: namespaceSyncOptions(POLICY_REPORTER_WORKLOAD.namespace),
    });
    const chart = new ComplianceReportChart(scope, component, { labels, spec, cluster });
    return { id: component, scope: 'single-cluster', chart };
  });

  // Each delivered workload: its folder, synced by its own ApplicationSet (in the sync chart).
  const workloads = deliveredWorkloadComponents({ scope, spec, labels, sync, projects: workloadProjects, registrations: clusters.registrations, drift });
  // Each tenant: its objects per cluster (tenancy project), its applications and workloads (its own project).
  const tenants = tenantComponents({ scope, spec, labels, sync, projects: tenancy, registrations: clusters.registrations, drift });
  // Sealed Secrets: each cluster with sealed values gets its own folder, synced to it alone (every
  // controller has its own key); every Secret slot must be sealed or provided out of band.
  new SecretSlotCheck(scope, 'secret-slots', { environment: spec.name, secrets: spec.secrets });
  const sealedSecrets = spec.clusters
    .filter((cluster) => spec.secrets.sealed.some((s) => s.cluster === cluster.name))
    .map((cluster): KubernetesComponent => {
      const component = sealedSecretsComponent(cluster.name);
      new SingleClusterSync(sync, component, {
        gitops: spec.gitops,
        drift,
        project,
        cluster: registrationOf(cluster.name, 'sealed secrets'),
        path: pathOf(component),
        purpose: 'sealed-secrets',
        namespace: 'sealed-secrets',
        driftClass: 'configuration',
      });
      return { id: component, scope: 'single-cluster', chart: new SealedSecretsChart(scope, component, { labels, cluster: cluster.name, sealed: spec.secrets.sealed }) };
    });

  const components: KubernetesComponent[] = [
    ...controlPlane,
    ...contents.map((c): KubernetesComponent => ({ id: c.component, scope: 'cluster-content', chart: c.chart })),
    ...managementPolicyComponents,
    ...driftChecks,
    ...complianceReports,
    ...workloads,
    ...tenants,
    ...sealedSecrets,
  ];
  // What the root app syncs are Argo CD's own kinds, installed at bootstrap; what the sync
  // applications deploy may arrive on a cluster before the add-on that installs its CRD.
  const addonKinds = PLATFORM_ADDONS.flatMap((addon) => addon.crds);
  for (const component of components) if (component.scope !== 'control-plane') skipDryRunOnMissingCrds(component.chart, addonKinds);

  return {
    app,
    bootstrap: bootstrapFiles({ environment: spec, labels, layout: bootstrapLayout(spec.name) }),
    policies: [
      ...policies.policies.map((policy) => ({ policy, component: 'policies' })),
      ...(managementPolicies?.policies ?? []).map((policy) => ({ policy, component: MANAGEMENT_POLICIES_COMPONENT })),
    ],
    prometheusRules: observability.rules,
    components,
  };
}
