import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';

/** Kyverno: policy violations by severity, admission webhook failures, controllers down; the compliance score. */
export function kyvernoMonitoring(_spec: EnvironmentSpec): MonitoringDomain {
  return { name: 'kyverno', alerts: [], recordings: [] };
}
