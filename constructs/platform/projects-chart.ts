import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { AccessSpec } from '../argocd/access-spec';
import { AppProject, type GroupKind } from '../argocd/app-project';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import type { GitOpsSource } from '../argocd/gitops-source';
import { operatorRoles } from '../argocd/operator-roles';
import type { ProjectRole } from '../argocd/project-role';
import type { SyncWindowSpec } from '../argocd/sync-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { PLATFORM_ADDONS } from './addon-catalog';
import { type PlatformAddon, placedClusters } from './addons/platform-addon';
import { platformNamespaces } from './platform-namespaces';

/** What the projects read of the environment: its clusters (which add-ons run somewhere), repository, groups and windows. */
export interface ProjectsEnvironment extends EnvironmentClusters {
  readonly gitops: Pick<GitOpsSource, 'repoUrl'>;
  readonly access: AccessSpec;
  /** Empty: automated sync at any time, and deployers may sync by hand. */
  readonly syncWindows: readonly SyncWindowSpec[];
}

export interface ProjectsChartProps extends ChartProps {
  readonly environment: ProjectsEnvironment;
  /** The clusters the projects may deploy to, as registered with Argo CD. */
  readonly clusters: readonly ClusterRegistration[];
  /**
   * The add-ons the platform project installs: their chart repositories and namespaces.
   * @default PLATFORM_ADDONS
   */
  readonly addons?: readonly PlatformAddon[];
}

/** Cluster-scoped kinds the platform add-ons and the cluster content install. */
const PLATFORM_CLUSTER_RESOURCES: readonly GroupKind[] = [
  { group: '', kind: 'Namespace' },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  { group: 'kyverno.io', kind: 'ClusterPolicy' },
];

/**
 * The platform's roles: read-only, deployer (only `get` where sync windows exist) and
 * emergency-override, bound to the environment's access groups. Projects the platform owns (the
 * platform project, the tenancy project) share them.
 */
export function platformProjectRoles(environment: Pick<ProjectsEnvironment, 'access' | 'syncWindows'>): ProjectRole[] {
  const { access } = environment;
  return operatorRoles({
    what: 'applications',
    readers: access.readOnlyGroups,
    deployers: access.deployerGroups,
    emergency: access.emergencyGroups,
    windowed: environment.syncWindows.length > 0,
  });
}

/**
 * The environment's AppProjects. Here the platform project; the workloads, tenancy and tenant
 * projects (constructs/delivery, constructs/tenancy) join this chart, and every one of them feeds `argocd-rbac-cm`.
 */
export class ProjectsChart extends Chart {
  readonly platform: AppProject;
  readonly projects: readonly AppProject[];

  constructor(scope: Construct, id: string, props: ProjectsChartProps) {
    super(scope, id, props);
    const { environment } = props;
    const addons = props.addons ?? PLATFORM_ADDONS;
    const roles = platformProjectRoles(environment);
    // Only the repositories of add-ons that run somewhere in the environment (a cloud's add-on may not).
    const chartRepos = addons.filter((addon) => placedClusters(environment, addon.placement).length > 0).map((addon) => addon.chart.repoUrl);
    this.platform = new AppProject(this, 'platform', {
      name: 'platform',
      description: `Platform add-ons and cluster configuration of ${environment.name}`,
      sourceRepos: [...new Set([environment.gitops.repoUrl, ...chartRepos])].sort(),
      clusters: props.clusters,
      namespaces: platformNamespaces(addons),
      clusterResources: PLATFORM_CLUSTER_RESOURCES,
      roles,
      syncWindows: environment.syncWindows,
    });
    this.projects = [this.platform];
  }
}
