import { Construct } from 'constructs';
import type { ResourceClass } from '../drift/drift-detection-spec';
import type { DriftPolicy } from '../drift/drift-policy';
import type { AppProject } from './app-project';
import { Application } from './application';
import { ApplicationSource } from './application-source';
import type { ClusterRegistration } from './cluster-registration';
import { type GitOpsSource, targetRevision } from './gitops-source';
import type { SyncPolicyOptions } from './sync-policy';

export interface SingleClusterSyncProps {
  /** The repository the folder is read from, and the revision the environment deploys. */
  readonly gitops: GitOpsSource;
  /** The environment's drift policy: the Application's labels, severity and self-heal. */
  readonly drift: DriftPolicy;
  readonly project: AppProject;
  /** The one cluster the folder is synced to. */
  readonly cluster: ClusterRegistration;
  /** Repository path of the folder synced, e.g. `dist/k8s/prod/compliance-report-prod-eks` (a `single-cluster` component). */
  readonly path: string;
  /** What the folder does, naming the Application `<cluster>-<purpose>-sync`. */
  readonly purpose: string;
  /** Destination namespace of the Application (namespaced objects without one land here). */
  readonly namespace: string;
  /** What the folder holds, for the drift policy: its labels, severity and self-heal. */
  readonly driftClass: ResourceClass;
  /** @default - the sync policy's defaults */
  readonly syncOptions?: SyncPolicyOptions;
}

/**
 * The Argo CD Application that syncs one folder to one cluster only, at the environment's Git
 * revision, labelled and synced as the drift policy says for its class. Unlike the
 * cluster-content ApplicationSets, which deploy one folder to every cluster, it is for content
 * that must exist exactly once (a Terraform stack's drift check) or differs per cluster (a
 * cluster's compliance report).
 */
export class SingleClusterSync extends Construct {
  readonly application: Application;

  constructor(scope: Construct, id: string, props: SingleClusterSyncProps) {
    super(scope, id);
    this.application = new Application(this, 'application', {
      name: `${props.cluster.clusterName}-${props.purpose}-sync`,
      project: props.project,
      cluster: props.cluster,
      source: ApplicationSource.gitPath(props.gitops.repoUrl, targetRevision(props.gitops), props.path),
      namespace: props.namespace,
      ...props.drift.applicationSettings(props.driftClass),
      ...(props.syncOptions !== undefined ? { syncOptions: props.syncOptions } : {}),
    });
  }
}
