import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';

/** Progressive delivery: Argo Rollouts aborted, the Rollouts controller down. */
export function deliveryMonitoring(_spec: EnvironmentSpec): MonitoringDomain {
  return { name: 'delivery', alerts: [], recordings: [] };
}
