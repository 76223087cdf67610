import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import { ArgoCdNotifications } from '../argocd/argocd-notifications';
import { ArgoCdRbac } from '../argocd/argocd-rbac';
import { ArgoCdSettings } from '../argocd/argocd-settings';
import { ArgoCdSso, type OidcSingleSignOn } from '../argocd/argocd-sso';
import { managementOf } from '../argocd/management-cluster';
import type { DriftDetectionSpec } from '../drift/drift-detection-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import type { NotificationSpec } from '../monitoring/notification-spec';
import { ArgoCdGoogleCredentials, federatedGkeClusters } from '../terraform/gcp/argocd-google-federation';

/** What Argo CD's configuration reads of the environment. */
export interface ArgoCdConfigEnvironment extends EnvironmentClusters {
  /** Reconciliation interval and jitter (argocd-cm). */
  readonly driftDetection: DriftDetectionSpec;
  readonly notifications: NotificationSpec;
  /** @default - no SSO: the local admin is the only login */
  readonly sso?: OidcSingleSignOn;
}

export interface ArgoCdConfigChartProps extends ChartProps {
  readonly environment: ArgoCdConfigEnvironment;
  readonly projects: readonly AppProject[];
}

/** Argo CD's own configuration: reconciliation (drift detection), SSO, RBAC and notifications. */
export class ArgoCdConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ArgoCdConfigChartProps) {
    super(scope, id, props);
    const { environment } = props;
    const sso = environment.sso === undefined ? undefined : new ArgoCdSso(environment.sso);
    const cluster = managementOf(environment).name;
    new ArgoCdSettings(this, 'settings', { driftDetection: environment.driftDetection, sso, cluster });
    new ArgoCdRbac(this, 'rbac', { projects: props.projects, sso });
    new ArgoCdNotifications(this, 'notifications', {
      environment: environment.name,
      notifications: environment.notifications,
      cluster,
    });
    if (federatedGkeClusters(environment).length > 0) new ArgoCdGoogleCredentials(this, 'google-credentials', { environment });
  }
}
