import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { AppProject } from './app-project';
import type { ApplicationSource } from './application-source';
import type { ClusterDestination } from './cluster-registration';
import { ARGOCD_NAMESPACE } from './constants';
import type { SyncPolicy, SyncPolicyOptions } from './sync-policy';

export type RenderedApplicationSpec = IApplication['spec'];

/** What every Application needs, whether declared directly or templated by an ApplicationSet. */
export interface ApplicationSpecProps {
  /** The project the application belongs to: an object, so the default project cannot be named. */
  readonly project: AppProject;
  readonly source: ApplicationSource;
  /** Namespace on the destination cluster. */
  readonly namespace: string;
  readonly syncPolicy: SyncPolicy;
  readonly syncOptions?: SyncPolicyOptions;
  /**
   * Leave the live resources in place when the Application is deleted, even where the environment
   * prunes. For what must outlive its Application: Argo CD itself (deleting its self-managed
   * Application would delete Argo CD), the root app (it would take every other Application with
   * it), and add-ons whose CRDs other Applications' resources use (deleting a CRD deletes every
   * object of its kind in the cluster: every policy, every Rollout, every SealedSecret's Secret).
   * @default false - cascading delete where the environment prunes
   */
  readonly keepResourcesOnDeletion?: boolean;
  /**
   * The root app's sync wave of this object (constructs/argocd/sync-wave.ts).
   * @default SYNC_WAVES.default
   */
  readonly syncWave?: number;
}

/**
 * Namespaces that exist on every cluster before Argo CD deploys anything (Argo CD's own exists on
 * the management cluster from the bootstrap, and only the management cluster is its destination).
 * Every other destination namespace is created by Argo CD if missing.
 */
export const PREEXISTING_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', ARGOCD_NAMESPACE]);

/** Renders the spec shared by Applications and ApplicationSet templates. */
export function renderApplicationSpec(props: ApplicationSpecProps, destination: ClusterDestination): RenderedApplicationSpec {
  return {
    project: props.project.name,
    source: props.source.render(),
    destination: { ...destination, namespace: props.namespace },
    syncPolicy: props.syncPolicy.render({
      createNamespace: !PREEXISTING_NAMESPACES.has(props.namespace),
      ...props.syncOptions,
    }),
    // How many past syncs to keep for `argocd app rollback`; 10 covers a release train of two weeks.
    revisionHistoryLimit: 10,
  };
}

/**
 * Whether deleting the Application deletes its live resources: only where the environment prunes
 * and the Application does not ask to keep them. Without pruning, deleting an Application must
 * leave its live resources alone.
 */
export function cascadesOnDeletion(props: Pick<ApplicationSpecProps, 'syncPolicy' | 'keepResourcesOnDeletion'>): boolean {
  return props.syncPolicy.prune && !(props.keepResourcesOnDeletion ?? false);
}

/** Finalizers of an Application: the cascading-delete finalizer where it cascades. */
export function applicationFinalizers(props: Pick<ApplicationSpecProps, 'syncPolicy' | 'keepResourcesOnDeletion'>): string[] {
  return cascadesOnDeletion(props) ? ['resources-finalizer.argocd.argoproj.io'] : [];
}
