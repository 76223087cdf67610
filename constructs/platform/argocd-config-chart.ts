import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { AppProject } from '../argocd/app-project';
import { ArgoCdNotifications } from '../argocd/argocd-notifications';
import { ArgoCdRbac } from '../argocd/argocd-rbac';
import { ArgoCdSettings } from '../argocd/argocd-settings';
import { ArgoCdSso } from '../argocd/argocd-sso';
import { managementOf } from '../argocd/management-cluster';
import { ArgoCdGoogleCredentials, federatedGkeClusters } from '../argocd/google-federation';

export interface ArgoCdConfigChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly projects: readonly AppProject[];
}

/** Argo CD's own configuration: reconciliation (drift detection), SSO, RBAC and notifications. */
export class ArgoCdConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ArgoCdConfigChartProps) {
    super(scope, id, props);
    const { spec } = props;
    const sso = spec.sso === undefined ? undefined : new ArgoCdSso(spec.sso);
    const cluster = managementOf(spec).name;
    new ArgoCdSettings(this, 'settings', { driftDetection: spec.driftDetection, sso, cluster });
    new ArgoCdRbac(this, 'rbac', { projects: props.projects, sso });
    new ArgoCdNotifications(this, 'notifications', {
      environment: spec.name,
      notifications: spec.notifications,
      cluster,
    });
    if (federatedGkeClusters(spec).length > 0) new ArgoCdGoogleCredentials(this, 'google-credentials', spec);
  }
}
