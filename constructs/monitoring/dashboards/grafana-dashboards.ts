import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { Construct } from 'constructs';
import type { BackupEnvironment } from '../../backup/backup-schedules';
import type { DriftCheckEnvironment } from '../../drift/drift-check-schedule';
import { backupDashboard } from './backup-dashboard';
import { DashboardConfigMap } from './dashboard-config-map';
import { deliveryDashboard } from './delivery-dashboard';
import { type DriftDashboardEnvironment, driftDashboard } from './drift-dashboard';
import { policyComplianceDashboard } from './policy-compliance-dashboard';
import { type TenantCostDashboardEnvironment, tenantCostDashboard } from './tenant-cost-dashboard';
import { terraformDriftDashboard } from './terraform-drift-dashboard';

/** What the gitops-cdk dashboards read of an environment: its name, drift policy, drift-check interval, backup spec, clusters and tenants. */
export type DashboardsEnvironment = DriftDashboardEnvironment & DriftCheckEnvironment & BackupEnvironment & TenantCostDashboardEnvironment;

/** Every gitops-cdk dashboard of an environment, in the order Grafana's dashboard links list them (tenant cost only where there are tenants). */
export function gitopsDashboards(spec: DashboardsEnvironment): dashboard.Dashboard[] {
  const tenantCost = tenantCostDashboard(spec);
  return [
    driftDashboard(spec),
    policyComplianceDashboard(spec),
    deliveryDashboard(spec),
    terraformDriftDashboard(spec),
    backupDashboard(spec),
    ...(tenantCost === undefined ? [] : [tenantCost]),
  ];
}

export interface GrafanaDashboardsProps {
  readonly spec: DashboardsEnvironment;
  /**
   * The dashboards to ship, each with a uid of its own.
   * @default gitopsDashboards(spec): drift, policy compliance, delivery, Terraform drift and backup
   */
  readonly dashboards?: readonly dashboard.Dashboard[];
}

/** The gitops-cdk dashboards of an environment, one ConfigMap each, for the Grafana of every cluster. */
export class GrafanaDashboards extends Construct {
  readonly configMaps: readonly DashboardConfigMap[];

  constructor(scope: Construct, id: string, props: GrafanaDashboardsProps) {
    super(scope, id);
    // The uid is the construct id: a second dashboard with the same uid fails here, at synth.
    const dashboards = props.dashboards ?? gitopsDashboards(props.spec);
    this.configMaps = dashboards.map((d) => new DashboardConfigMap(this, d.uid ?? 'without-uid', { dashboard: d }));
  }
}
