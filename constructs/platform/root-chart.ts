import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { AppProject } from '../argocd/app-project';
import { Application } from '../argocd/application';
import { ApplicationSource } from '../argocd/application-source';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { ARGOCD_NAMESPACE } from '../argocd/constants';
import { DriftPolicy } from '../drift/drift-policy';
import { gitRevision, k8sEnvironmentDir } from '../../apps/synth/dist-layout';

export interface RootChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly project: AppProject;
  readonly management: ClusterRegistration;
}

/**
 * The app of apps: the one Application applied by hand at bootstrap. It syncs
 * `dist/k8s/<env>/`, whose kustomization lists the Argo CD control-plane components (projects,
 * configuration, clusters, add-ons, sync sets and this root app itself), so from then on every
 * change arrives through Git.
 */
export class RootChart extends Chart {
  readonly app: Application;

  constructor(scope: Construct, id: string, props: RootChartProps) {
    super(scope, id, props);
    const { spec } = props;
    // The app of apps syncs AppProjects, Argo CD RBAC and cluster registrations: who may deploy what.
    const drift = DriftPolicy.fromSpec(spec);
    this.app = new Application(this, 'root', {
      name: `${spec.name}-root`,
      project: props.project,
      cluster: props.management,
      source: ApplicationSource.gitPath(spec.gitops.repoUrl, gitRevision(spec), k8sEnvironmentDir(spec.name)),
      namespace: ARGOCD_NAMESPACE,
      ...drift.applicationSettings('rbac'),
      // Deleting the app of apps must not delete every Application, project and cluster with it.
      keepResourcesOnDeletion: true,
    });
  }
}
