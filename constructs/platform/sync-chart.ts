import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { ResourceClass } from '../drift/drift-detection-spec';
import type { AppProject } from '../argocd/app-project';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import { CLUSTER_LABELS } from '../argocd/constants';
import { DriftPolicy } from '../drift/drift-policy';
import { gitRevision, k8sComponentDir } from '../../apps/synth/dist-layout';
import { namespaceSyncOptions } from './platform-namespaces';

/** A folder of rendered manifests that every cluster of the environment receives. */
export interface ClusterContent {
  /** Component id: the folder under `dist/k8s/<env>/` and the ApplicationSet name. */
  readonly component: string;
  /** Destination namespace of the Applications (namespaced objects without one land here). */
  readonly namespace: string;
  /** What the folder holds, for the drift policy: its severity and remediation. */
  readonly driftClass: ResourceClass;
}

export interface SyncChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly project: AppProject;
  readonly contents: readonly ClusterContent[];
}

/**
 * The sync applications of seed WS3 (policy sync, observability sync, configuration sync): one
 * ApplicationSet per cluster-content folder, generating an Application per cluster of the
 * environment that syncs the folder at the environment's Git revision.
 */
export class SyncChart extends Chart {
  constructor(scope: Construct, id: string, props: SyncChartProps) {
    super(scope, id, props);
    const { spec } = props;
    const drift = DriftPolicy.fromSpec(spec);
    for (const content of props.contents) {
      new ApplicationSet(this, content.component, {
        name: `${content.component}-sync`,
        project: props.project,
        source: ApplicationSource.gitPath(spec.gitops.repoUrl, gitRevision(spec), k8sComponentDir(spec.name, content.component)),
        namespace: content.namespace,
        ...drift.applicationSettings(content.driftClass),
        syncOptions: namespaceSyncOptions(content.namespace),
        clusterSelector: { [CLUSTER_LABELS.env]: spec.name },
      });
    }
  }
}
