import { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { ResourceClass } from '../drift/drift-detection-spec';
import { DriftPolicy } from '../drift/drift-policy';
import { gitRevision, k8sComponentDir } from '../../apps/synth/dist-layout';
import type { AppProject } from './app-project';
import { Application } from './application';
import { ApplicationSource } from './application-source';
import type { ClusterRegistration } from './cluster-registration';
import type { SyncPolicyOptions } from './sync-policy';

export interface SingleClusterSyncProps {
  readonly spec: EnvironmentSpec;
  readonly project: AppProject;
  /** The one cluster the folder is synced to. */
  readonly cluster: ClusterRegistration;
  /** The component folder under `dist/k8s/<env>/` (a `single-cluster` component). */
  readonly component: string;
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
    const { spec } = props;
    const drift = DriftPolicy.fromSpec(spec);
    this.application = new Application(this, 'application', {
      name: `${props.cluster.clusterName}-${props.purpose}-sync`,
      project: props.project,
      cluster: props.cluster,
      source: ApplicationSource.gitPath(spec.gitops.repoUrl, gitRevision(spec), k8sComponentDir(spec.name, props.component)),
      namespace: props.namespace,
      ...drift.applicationSettings(props.driftClass),
      ...(props.syncOptions !== undefined ? { syncOptions: props.syncOptions } : {}),
    });
  }
}
