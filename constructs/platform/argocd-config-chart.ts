import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { AppProject } from '../argocd/app-project';
import { ArgoCdNotifications } from '../argocd/argocd-notifications';
import { ArgoCdRbac } from '../argocd/argocd-rbac';
import { ArgoCdSettings } from '../argocd/argocd-settings';
import { ArgoCdGoogleCredentials, federatedGkeClusters } from '../argocd/google-federation';

export interface ArgoCdConfigChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly projects: readonly AppProject[];
}

/** Argo CD's own configuration: reconciliation (drift detection), RBAC and notifications. */
export class ArgoCdConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ArgoCdConfigChartProps) {
    super(scope, id, props);
    const { spec } = props;
    new ArgoCdSettings(this, 'settings', { driftDetection: spec.driftDetection });
    new ArgoCdRbac(this, 'rbac', { projects: props.projects });
    new ArgoCdNotifications(this, 'notifications', {
      environment: spec.name,
      notifications: spec.notifications,
    });
    if (federatedGkeClusters(spec).length > 0) new ArgoCdGoogleCredentials(this, 'google-credentials', spec);
  }
}
