import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import { type GitOpsSource, targetRevision } from '../argocd/gitops-source';
import type { ResourceClass } from '../drift/drift-detection-spec';
import type { DriftPolicy } from '../drift/drift-policy';
import { CLUSTER_LABELS } from '../kubernetes/gitops-cdk-labels';
import { PLATFORM_ADDONS } from './addon-catalog';
import type { PlatformAddon } from './addons/platform-addon';
import { namespaceSyncOptions } from './platform-namespaces';

/** A folder of rendered manifests that every cluster of the environment receives. */
export interface ClusterContent {
  /** Component id: names the ApplicationSet `<component>-sync`. */
  readonly component: string;
  /** Repository path of the folder, e.g. `dist/k8s/prod/policies`. */
  readonly path: string;
  /** Destination namespace of the Applications (namespaced objects without one land here). */
  readonly namespace: string;
  /** What the folder holds, for the drift policy: its severity and remediation. */
  readonly driftClass: ResourceClass;
}

export interface SyncChartProps extends ChartProps {
  /** The environment's name: the ApplicationSets select its clusters by their `env` label. */
  readonly environment: string;
  /** The repository the folders are read from, and the revision the environment deploys. */
  readonly gitops: GitOpsSource;
  /** The environment's drift policy: each ApplicationSet's labels and self-heal, by its content's class. */
  readonly drift: DriftPolicy;
  readonly project: AppProject;
  readonly contents: readonly ClusterContent[];
  /**
   * The add-ons whose namespaces the config component declares (namespaceSyncOptions).
   * @default PLATFORM_ADDONS
   */
  readonly addons?: readonly PlatformAddon[];
}

/**
 * The sync applications of seed WS3 (policy sync, observability sync, configuration sync): one
 * ApplicationSet per cluster-content folder, generating an Application per cluster of the
 * environment that syncs the folder at the environment's Git revision.
 */
export class SyncChart extends Chart {
  constructor(scope: Construct, id: string, props: SyncChartProps) {
    super(scope, id, props);
    const { gitops } = props;
    for (const content of props.contents) {
      new ApplicationSet(this, content.component, {
        name: `${content.component}-sync`,
        project: props.project,
        source: ApplicationSource.gitPath(gitops.repoUrl, targetRevision(gitops), content.path),
        namespace: content.namespace,
        ...props.drift.applicationSettings(content.driftClass),
        syncOptions: namespaceSyncOptions(content.namespace, props.addons ?? PLATFORM_ADDONS),
        clusterSelector: { [CLUSTER_LABELS.env]: props.environment },
      });
    }
  }
}
