import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { argoDuration } from './argo-duration';
import type { ClusterRegistration } from './cluster-registration';
import { ARGOCD_NAMESPACE } from './constants';
import type { ProjectRole } from './project-role';
import type { SyncWindowSpec } from './sync-spec';
import { SYNC_WAVES, syncWaveAnnotations } from './sync-wave';

/** A Kubernetes group/kind pair, e.g. `{ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' }`. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** Quotas and limits belong to the tenancy layer, not to whatever an app ships. */
export const DEFAULT_NAMESPACE_RESOURCE_BLACKLIST: readonly GroupKind[] = [
  { group: '', kind: 'ResourceQuota' },
  { group: '', kind: 'LimitRange' },
];

/** One (cluster, namespace) pair a project may deploy to. */
export interface ProjectDestination {
  readonly cluster: ClusterRegistration;
  readonly namespace: string;
}

export interface AppProjectProps {
  /** Project name; `default` is refused: every application belongs to a deliberate project. */
  readonly name: string;
  readonly description: string;
  /** Git and Helm repositories the project may deploy from. Explicit URLs only, no wildcard. */
  readonly sourceRepos: readonly string[];
  /** Clusters the project may deploy to. */
  readonly clusters: readonly ClusterRegistration[];
  /** Namespaces the project may deploy to, on every one of its clusters. */
  readonly namespaces: readonly string[];
  /**
   * Explicit (cluster, namespace) pairs, for a project whose namespaces differ per cluster (a
   * tenant's namespace on some clusters only). Rendered after the `clusters` × `namespaces` pairs.
   * @default - none beyond `clusters` × `namespaces`
   */
  readonly destinations?: readonly ProjectDestination[];
  /** Cluster-scoped kinds the project may manage. @default - none: namespaced resources only */
  readonly clusterResources?: readonly GroupKind[];
  /**
   * The only namespaced kinds the project may manage (`namespaceResourceWhitelist`).
   * @default - every namespaced kind but the blacklisted ones
   */
  readonly namespaceResources?: readonly GroupKind[];
  /**
   * Namespaced kinds the project may never manage (`namespaceResourceBlacklist`). An empty list
   * renders none: the platform's tenancy project manages quotas and limits.
   * @default DEFAULT_NAMESPACE_RESOURCE_BLACKLIST - quotas and limits
   */
  readonly namespaceResourceBlacklist?: readonly GroupKind[];
  readonly roles: readonly ProjectRole[];
  /**
   * Windows in which automated sync may run; outside them only a manual sync (emergency role)
   * goes through. @default - no windows: sync at any time
   */
  readonly syncWindows?: readonly SyncWindowSpec[];
}

/**
 * An Argo CD AppProject: the boundary of what a group of applications may deploy, where, and who
 * may operate them. Wildcard repositories or destinations are refused by the
 * `k8s-explicit-project-scope` rule (constructs/rules/kubernetes/): a project that may deploy anything anywhere is the default
 * project under another name.
 */
export class AppProject extends Construct {
  readonly name: string;
  readonly roles: readonly ProjectRole[];
  readonly sourceRepos: readonly string[];

  constructor(scope: Construct, id: string, props: AppProjectProps) {
    super(scope, id);
    this.name = props.name;
    this.roles = props.roles;
    this.sourceRepos = props.sourceRepos;
    const blacklist = props.namespaceResourceBlacklist ?? DEFAULT_NAMESPACE_RESOURCE_BLACKLIST;

    const project: IAppProject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: {
        name: props.name,
        namespace: ARGOCD_NAMESPACE,
        // Before the Applications that belong to it.
        annotations: syncWaveAnnotations(SYNC_WAVES.registrations),
        // Deleting the project while applications still use it would orphan them.
        finalizers: ['resources-finalizer.argocd.argoproj.io'],
      },
      spec: {
        description: props.description,
        sourceRepos: [...props.sourceRepos],
        // Each cluster as its Applications name it. The project matches a destination by name or
        // by address, after Argo CD resolved the other one (argoproj/argo-cd
        // pkg/apis/application/v1alpha1/app_project_types.go `isDestinationMatched`), so the
        // management cluster's address also admits the Applications generated for it by name.
        destinations: [
          ...props.clusters.flatMap((cluster) => props.namespaces.map((namespace) => ({ ...cluster.destination, namespace }))),
          ...(props.destinations ?? []).map((pair) => ({ ...pair.cluster.destination, namespace: pair.namespace })),
        ],
        clusterResourceWhitelist: (props.clusterResources ?? []).map((gk) => ({ group: gk.group, kind: gk.kind })),
        ...(props.namespaceResources !== undefined ? { namespaceResourceWhitelist: props.namespaceResources.map((gk) => ({ group: gk.group, kind: gk.kind })) } : {}),
        ...(blacklist.length > 0 ? { namespaceResourceBlacklist: blacklist.map((gk) => ({ group: gk.group, kind: gk.kind })) } : {}),
        // Orphans stay listed in the UI, without a warning condition: the config app's destination
        // (kube-system) holds the cluster's own components, Argo CD's and the operators' namespaces
        // hold Secrets they create at run time, and an ignore entry has no namespace to scope it
        // to (argoproj/argo-cd controller/appcontroller.go `isKnownOrphanedResourceExclusion`,
        // v2.13.2 and v2.14.2), so `warn: true` put a permanent warning on most Applications.
        orphanedResources: { warn: false },
        roles: props.roles.map((role) => ({
          name: role.name,
          description: role.props.description,
          groups: [...role.props.groups],
          policies: role.policies(props.name),
        })),
        syncWindows: (props.syncWindows ?? []).map((window) => ({
          kind: 'allow',
          schedule: window.schedule,
          duration: argoDuration(window.duration),
          timeZone: window.timeZone,
          applications: ['*'],
          // Outside the window the emergency role may still sync by hand (break-glass).
          manualSync: true,
        })),
      },
    };
    new ApiObject(this, 'Resource', project);
  }
}
