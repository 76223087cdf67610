import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';

/** Terraform drift: the scheduled plan of each stack found drift, failed, or has not run. */
export function terraformDriftMonitoring(_spec: EnvironmentSpec): MonitoringDomain {
  return { name: 'terraform-drift', alerts: [], recordings: [] };
}
