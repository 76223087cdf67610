import type { Construct } from 'constructs';
import type { AppProject } from '../../constructs/argocd/app-project';
import type { ClusterRegistration } from '../../constructs/argocd/cluster-registration';
import { SingleClusterSync } from '../../constructs/argocd/single-cluster-sync';
import { WorkloadChart } from '../../constructs/delivery/workload-chart';
import type { DriftPolicy } from '../../constructs/drift/drift-policy';
import { registrationOf, tenancyProject } from '../../constructs/tenancy/tenancy-project';
import { TenantApplications } from '../../constructs/tenancy/tenant-applications';
import { TenantChart } from '../../constructs/tenancy/tenant-chart';
import { tenantObjectLabels } from '../../constructs/tenancy/tenant-namespace-labels';
import { tenantClusters, tenantComponent, tenantNamespacesOn } from '../../constructs/tenancy/tenant-placement';
import { tenantProject } from '../../constructs/tenancy/tenant-project';
import type { TenantSpec } from '../../constructs/tenancy/tenant-spec';
import { TenantWorkloadSync, tenantWorkloadComponent } from '../../constructs/tenancy/tenant-workloads';
import type { EnvironmentSpec } from '../../environments/types';
import { k8sComponentDir } from '../synth/dist-layout';
import type { KubernetesComponent } from './kubernetes-estate';

/** The environment's tenancy project and each tenant's project, in the projects chart. */
export interface TenantProjects {
  /** The platform-owned project syncing every tenant's folders. */
  readonly tenancy: AppProject;
  /** Each tenant's project, by tenant name (a tenant that delivers nothing through Argo CD has none). */
  readonly byTenant: ReadonlyMap<string, AppProject>;
  /** Every one of them, tenancy first: what argocd-rbac-cm gets the roles of. */
  readonly all: readonly AppProject[];
}

/** The tenancy and tenant projects when the environment has tenants (undefined otherwise: no output change). */
export function tenantProjects(spec: EnvironmentSpec, projectsChart: Construct, registrations: readonly ClusterRegistration[]): TenantProjects | undefined {
  const tenants = spec.tenants ?? [];
  if (tenants.length === 0) return undefined;
  const tenancy = tenancyProject(projectsChart, spec, registrations);
  // A project without a source repository would be refused (k8s-explicit-project-scope) and admit nothing anyway.
  const delivering = tenants.filter((tenant) => tenant.applications.length > 0 || (tenant.workloads ?? []).length > 0);
  const byTenant = new Map(delivering.map((tenant) => [tenant.name, tenantProject(projectsChart, spec, tenant, registrations)]));
  return { tenancy, byTenant, all: [tenancy, ...byTenant.values()] };
}

export interface TenantComponentsProps {
  /** The environment's construct (`<env>`), where each tenant chart goes. */
  readonly scope: Construct;
  readonly spec: EnvironmentSpec;
  readonly labels: Record<string, string>;
  /** The sync chart: the tenancy Applications and the tenants' ApplicationSets go beside the other syncs. */
  readonly sync: Construct;
  /** tenantProjects(), undefined when the environment has no tenants. */
  readonly projects: TenantProjects | undefined;
  readonly registrations: readonly ClusterRegistration[];
  readonly drift: DriftPolicy;
}

function projectOf(projects: TenantProjects, spec: EnvironmentSpec, tenant: TenantSpec): AppProject {
  const project = projects.byTenant.get(tenant.name);
  if (project === undefined) throw new Error(`${spec.name}: tenant ${tenant.name} has no AppProject (tenantProjects() was built from another environment)`);
  return project;
}

/**
 * Every tenant's components: its objects on each of its clusters (`tenant-<tenant>-<cluster>`,
 * synced by a single-cluster Application in the tenancy project), its applications' ApplicationSets
 * (in its own project, from its repositories) and its progressive workloads'
 * folders (`tenant-<tenant>-workload-<name>`, synced in its own project from this repository).
 */
export function tenantComponents(props: TenantComponentsProps): KubernetesComponent[] {
  const { spec, projects } = props;
  if (projects === undefined) return [];
  const pathOf = (component: string) => k8sComponentDir(spec.name, component);
  return (spec.tenants ?? []).flatMap((tenant, t): KubernetesComponent[] => {
    const folders = tenantClusters(spec, tenant).map((cluster): KubernetesComponent => {
      const component = tenantComponent(tenant, cluster);
      // Namespaced objects name their namespace; the destination is one of them, so the project admits it.
      // The folder declares that Namespace with its labels, so CreateNamespace (on by default) creates
      // nothing bare: gitops-engine skips the auto-created Namespace when the sync holds one of that
      // name (argoproj/gitops-engine pkg/sync/sync_context.go `autoCreateNamespace`, at the commits
      // argo-cd v2.13.2 and v2.14.2 pin).
      const [namespace] = tenantNamespacesOn(spec, tenant, cluster);
      new SingleClusterSync(props.sync, component, {
        gitops: spec.gitops,
        drift: props.drift,
        project: projects.tenancy,
        cluster: registrationOf(spec.name, props.registrations, cluster.name, tenant.name),
        path: pathOf(component),
        // `<cluster>-tenant-<tenant>-sync`: the cluster is in the Application's name already.
        purpose: `tenant-${tenant.name}`,
        namespace,
        // RoleBindings and NetworkPolicies: the tenant's access and isolation, classed as RBAC.
        driftClass: 'rbac',
      });
      const chart = new TenantChart(props.scope, component, { labels: props.labels, environment: spec, tenant, cluster });
      // Each of the tenant's namespaces on the cluster holds its own tenant-quota, tenant-limits, ...
      return { id: component, scope: 'single-cluster', chart, fileNames: 'kind-namespace-name' };
    });
    if (tenant.applications.length > 0) {
      new TenantApplications(props.sync, `tenant-${tenant.name}-applications`, { environment: spec, tenant, project: projectOf(projects, spec, tenant), drift: props.drift });
    }
    const workloads = (tenant.workloads ?? []).map((workload, w): KubernetesComponent => {
      const component = tenantWorkloadComponent(tenant, workload);
      const chart = new WorkloadChart(props.scope, component, {
        // Every tenant object is labelled for allocation, as the tenant's folders are.
        labels: { ...props.labels, ...tenantObjectLabels(tenant) },
        tier: spec.tier,
        workload,
        // The tenant's pods carry its name and cost centre, as its namespaces do.
        ownership: { environment: spec.name, owner: tenant.name, costCentre: tenant.costCentre },
        declareNamespace: false,
      });
      new TenantWorkloadSync(props.sync, component, {
        environment: spec,
        tenant,
        workload,
        path: pathOf(component),
        project: projectOf(projects, spec, tenant),
        drift: props.drift,
        registrations: props.registrations,
        at: `tenants[${t}].workloads[${w}]`,
      });
      return { id: component, scope: 'single-cluster', chart };
    });
    return [...folders, ...workloads];
  });
}
