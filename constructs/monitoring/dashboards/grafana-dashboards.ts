import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../../environments/types';
import { DashboardConfigMap } from './dashboard-config-map';
import { deliveryDashboard } from './delivery-dashboard';
import { driftDashboard } from './drift-dashboard';
import { policyComplianceDashboard } from './policy-compliance-dashboard';
import { terraformDriftDashboard } from './terraform-drift-dashboard';

/** Every gitops-cdk dashboard of an environment, in the order Grafana's dashboard links list them. */
export function gitopsDashboards(spec: EnvironmentSpec): dashboard.Dashboard[] {
  return [driftDashboard(spec), policyComplianceDashboard(spec), deliveryDashboard(spec), terraformDriftDashboard(spec)];
}

export interface GrafanaDashboardsProps {
  readonly spec: EnvironmentSpec;
}

/** The gitops-cdk dashboards of an environment, one ConfigMap each, for the Grafana of every cluster. */
export class GrafanaDashboards extends Construct {
  readonly configMaps: readonly DashboardConfigMap[];

  constructor(scope: Construct, id: string, props: GrafanaDashboardsProps) {
    super(scope, id);
    // The uid is the construct id: a second dashboard with the same uid fails here, at synth.
    this.configMaps = gitopsDashboards(props.spec).map((d) => new DashboardConfigMap(this, d.uid ?? 'without-uid', { dashboard: d }));
  }
}
