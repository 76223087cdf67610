import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { AppProject } from '../argocd/app-project';
import { ArgoCdNotifications } from '../argocd/argocd-notifications';
import { ArgoCdRbac } from '../argocd/argocd-rbac';
import { ArgoCdSettings } from '../argocd/argocd-settings';
import { ArgoCdSso } from '../argocd/argocd-sso';
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
    new ArgoCdSettings(this, 'settings', { driftDetection: spec.driftDetection, sso, cluster: managementClusterName(spec) });
    new ArgoCdRbac(this, 'rbac', { projects: props.projects, sso });
    new ArgoCdNotifications(this, 'notifications', {
      environment: spec.name,
      notifications: spec.notifications,
      cluster: managementClusterName(spec),
    });
    if (federatedGkeClusters(spec).length > 0) new ArgoCdGoogleCredentials(this, 'google-credentials', spec);
  }
}

/** Argo CD runs on the environment's management cluster (validated: exactly one). */
function managementClusterName(spec: EnvironmentSpec): string {
  const management = spec.clusters.find((c) => c.role === 'management');
  if (management === undefined) throw new Error(`${spec.name}: no cluster has role 'management', so Argo CD runs nowhere`);
  return management.name;
}
