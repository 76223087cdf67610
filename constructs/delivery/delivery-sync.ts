import { Construct } from 'constructs';
import type { AccessSpec } from '../argocd/access-spec';
import { AppProject, type GroupKind } from '../argocd/app-project';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { type GitOpsSource, targetRevision } from '../argocd/gitops-source';
import { operatorRoles } from '../argocd/operator-roles';
import type { ProjectRole } from '../argocd/project-role';
import { SingleClusterSync } from '../argocd/single-cluster-sync';
import type { SyncWindowSpec } from '../argocd/sync-spec';
import type { DriftPolicy } from '../drift/drift-policy';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { CLUSTER_LABELS } from '../kubernetes/gitops-cdk-labels';
import type { DeliveredWorkloadSpec } from './delivery-spec';
import { workloadComponent } from './workload-chart';
import { defaultWorkloadRole, workloadClusters } from './workload-placement';

/** The AppProject of delivered workloads: apart from the platform's, so a workload can never deploy platform kinds. */
export const WORKLOADS_PROJECT = 'workloads';

/** The only cluster-scoped kind a workload folder holds: its Namespace. */
const WORKLOAD_CLUSTER_RESOURCES: readonly GroupKind[] = [{ group: '', kind: 'Namespace' }];

/**
 * The namespaced kinds a workload folder may hold: what DeliveredWorkload renders, the
 * AnalysisTemplate its Rollout refers to, and the PrometheusRule of its alerts. AnalysisRuns and
 * ReplicaSets are created by the Rollouts controller, not synced, so they need no entry.
 */
export const WORKLOAD_NAMESPACE_RESOURCES: readonly GroupKind[] = [
  { group: 'argoproj.io', kind: 'Rollout' },
  { group: 'argoproj.io', kind: 'AnalysisTemplate' },
  { group: '', kind: 'Service' },
  { group: '', kind: 'ServiceAccount' },
  { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { group: 'monitoring.coreos.com', kind: 'PodMonitor' },
  { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
];

export interface DeliverySyncEnvironment extends EnvironmentClusters {
  readonly gitops: GitOpsSource;
  readonly access: AccessSpec;
  readonly syncWindows: readonly SyncWindowSpec[];
  readonly delivery?: { readonly workloads: readonly DeliveredWorkloadSpec[] };
}

/**
 * The roles of the workloads project (constructs/argocd/operator-roles.ts); `action/*` lets a
 * deployer run the Rollout actions Argo CD offers (resume, abort, retry, promote-full) from its UI.
 */
function roles(environment: DeliverySyncEnvironment): ProjectRole[] {
  const { access } = environment;
  return operatorRoles({
    what: 'workloads',
    readers: access.readOnlyGroups,
    deployers: access.deployerGroups,
    emergency: access.emergencyGroups,
    windowed: environment.syncWindows.length > 0,
  });
}

/**
 * The workloads AppProject (in the projects chart): the environment's repository only, each
 * workload's namespace on the clusters it runs on, the workload kinds only.
 */
export function workloadsProject(scope: Construct, environment: DeliverySyncEnvironment, registrations: readonly ClusterRegistration[]): AppProject {
  const workloads = environment.delivery?.workloads ?? [];
  const clusters = new Set(workloads.flatMap((w) => workloadClusters(environment, w).map((c) => c.name)));
  return new AppProject(scope, WORKLOADS_PROJECT, {
    name: WORKLOADS_PROJECT,
    description: `Workloads delivered by Argo Rollouts in ${environment.name}`,
    sourceRepos: [environment.gitops.repoUrl],
    clusters: registrations.filter((r) => clusters.has(r.clusterName)),
    namespaces: [...new Set(workloads.map((w) => w.namespace))].sort(),
    clusterResources: WORKLOAD_CLUSTER_RESOURCES,
    namespaceResources: WORKLOAD_NAMESPACE_RESOURCES,
    roles: roles(environment),
    syncWindows: environment.syncWindows,
  });
}

export interface WorkloadSyncProps {
  readonly environment: DeliverySyncEnvironment;
  readonly workload: DeliveredWorkloadSpec;
  /** Repository path of the workload's folder, e.g. `dist/k8s/prod/workload-podinfo`. */
  readonly path: string;
  readonly project: AppProject;
  /** Sync policy and drift labels of the `workloads` class: production never prunes, self-heal per its remediation. */
  readonly drift: DriftPolicy;
  readonly registrations: readonly ClusterRegistration[];
}

/**
 * How a workload's folder reaches its clusters: an ApplicationSet over the clusters of its role
 * (so a new workload cluster receives it), or, for a workload that names its clusters, one
 * Application per cluster (the cluster generator selects by labels, not by a list of names).
 */
export class WorkloadSync extends Construct {
  constructor(scope: Construct, id: string, props: WorkloadSyncProps) {
    super(scope, id);
    const { environment, workload } = props;
    const settings = props.drift.applicationSettings('workloads');
    if (workload.clusters === undefined) {
      new ApplicationSet(this, 'set', {
        name: workloadComponent(workload),
        project: props.project,
        source: ApplicationSource.gitPath(environment.gitops.repoUrl, targetRevision(environment.gitops), props.path),
        namespace: workload.namespace,
        ...settings,
        clusterSelector: { [CLUSTER_LABELS.env]: environment.name, [CLUSTER_LABELS.role]: defaultWorkloadRole(environment) },
      });
      return;
    }
    for (const cluster of workloadClusters(environment, workload)) {
      const registration = props.registrations.find((r) => r.clusterName === cluster.name);
      if (registration === undefined) throw new Error(`${environment.name}: cluster ${cluster.name} runs workload ${workload.name} but is not registered with Argo CD`);
      new SingleClusterSync(this, cluster.name, {
        gitops: environment.gitops,
        drift: props.drift,
        project: props.project,
        cluster: registration,
        path: props.path,
        purpose: workloadComponent(workload),
        namespace: workload.namespace,
        driftClass: 'workloads',
      });
    }
  }
}
