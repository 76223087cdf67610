import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import { Application } from '../argocd/application';
import { ApplicationSource } from '../argocd/application-source';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { ARGOCD_NAMESPACE } from '../argocd/constants';
import { type GitOpsSource, targetRevision } from '../argocd/gitops-source';
import type { DriftPolicy } from '../drift/drift-policy';

export interface RootChartProps extends ChartProps {
  /** The environment's name: the root app is `<environment>-root`. */
  readonly environment: string;
  /** The repository the root app reads, and the revision the environment deploys. */
  readonly gitops: GitOpsSource;
  /** Repository path of the folder the root app syncs, e.g. `dist/k8s/prod`. */
  readonly path: string;
  /** The environment's drift policy: the root app's labels and self-heal (class `rbac`). */
  readonly drift: DriftPolicy;
  readonly project: AppProject;
  readonly management: ClusterRegistration;
}

/**
 * The app of apps: the one Application applied by hand at bootstrap. It syncs the environment's
 * folder (`path`, e.g. `dist/k8s/<env>/`), whose kustomization lists the Argo CD control-plane components (projects,
 * configuration, clusters, add-ons, sync sets and this root app itself), so from then on every
 * change arrives through Git.
 */
export class RootChart extends Chart {
  readonly app: Application;

  constructor(scope: Construct, id: string, props: RootChartProps) {
    super(scope, id, props);
    // The app of apps syncs AppProjects, Argo CD RBAC and cluster registrations: who may deploy what.
    this.app = new Application(this, 'root', {
      name: `${props.environment}-root`,
      project: props.project,
      cluster: props.management,
      source: ApplicationSource.gitPath(props.gitops.repoUrl, targetRevision(props.gitops), props.path),
      namespace: ARGOCD_NAMESPACE,
      ...props.drift.applicationSettings('rbac'),
      // Deleting the app of apps must not delete every Application, project and cluster with it.
      keepResourcesOnDeletion: true,
    });
  }
}
