import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { AppProject } from './app-project';
import type { ApplicationSource } from './application-source';
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
}

/** Renders the spec shared by Applications and ApplicationSet templates. */
export function renderApplicationSpec(props: ApplicationSpecProps, destinationName: string): RenderedApplicationSpec {
  return {
    project: props.project.name,
    source: props.source.render(),
    destination: { name: destinationName, namespace: props.namespace },
    syncPolicy: props.syncPolicy.render(props.syncOptions),
    // How many past syncs to keep for `argocd app rollback`; 10 covers a release train of two weeks.
    revisionHistoryLimit: 10,
  };
}

/**
 * Finalizers of an Application: the cascading-delete finalizer only where the environment prunes.
 * Without pruning, deleting an Application must leave its live resources alone.
 */
export function applicationFinalizers(syncPolicy: SyncPolicy): string[] {
  return syncPolicy.prune ? ['resources-finalizer.argocd.argoproj.io'] : [];
}
