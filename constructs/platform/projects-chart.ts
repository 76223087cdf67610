import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import { AppProject, type GroupKind } from '../argocd/app-project';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { type ApplicationAction, ProjectRole } from '../argocd/project-role';
import { PLATFORM_ADDONS } from './addon-catalog';
import { placedClusters } from './addons/platform-addon';
import { PLATFORM_NAMESPACES } from './platform-namespaces';

export interface ProjectsChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly clusters: readonly ClusterRegistration[];
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
 * The environment's AppProjects. Today the platform project; tenant projects (a later issue) are
 * more `AppProject`s built the same way, and every one of them feeds `argocd-rbac-cm`.
 */
export class ProjectsChart extends Chart {
  readonly platform: AppProject;
  readonly projects: readonly AppProject[];

  constructor(scope: Construct, id: string, props: ProjectsChartProps) {
    super(scope, id, props);
    const { spec } = props;
    const windowed = spec.syncWindows.length > 0;
    // With sync windows, changes reach the clusters through Git inside a window; a manual sync
    // outside one is break-glass, so only the emergency role may sync.
    const deployerActions: ApplicationAction[] = windowed ? ['get'] : ['get', 'sync', 'action/*'];
    const roles = [
      new ProjectRole({
        name: 'read-only',
        description: 'View applications and their logs',
        groups: spec.access.readOnlyGroups,
        applicationActions: ['get'],
        readLogs: true,
      }),
      new ProjectRole({
        name: 'deployer',
        description: windowed ? 'View applications; deploy through Git inside sync windows' : 'View and sync applications',
        groups: spec.access.deployerGroups,
        applicationActions: deployerActions,
        readLogs: true,
      }),
      new ProjectRole({
        name: 'emergency-override',
        // Break-glass syncs what is in Git, outside a window too; never local manifests (no `override`).
        description: 'Break-glass: sync from Git by hand, also outside sync windows',
        groups: spec.access.emergencyGroups,
        applicationActions: ['get', 'sync', 'action/*'],
        readLogs: true,
      }),
    ];
    // Only the repositories of add-ons that run somewhere in the environment (a cloud's add-on may not).
    const chartRepos = PLATFORM_ADDONS.filter((addon) => placedClusters(spec, addon.placement).length > 0).map((addon) => addon.chart.repoUrl);
    this.platform = new AppProject(this, 'platform', {
      name: 'platform',
      description: `Platform add-ons and cluster configuration of ${spec.name}`,
      sourceRepos: [...new Set([spec.gitops.repoUrl, ...chartRepos])].sort(),
      clusters: props.clusters,
      namespaces: PLATFORM_NAMESPACES,
      clusterResources: PLATFORM_CLUSTER_RESOURCES,
      roles,
      syncWindows: spec.syncWindows,
    });
    this.projects = [this.platform];
  }
}
