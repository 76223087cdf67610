import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';

/** Secrets: the Sealed Secrets controller down or failing to unseal. */
export function secretsMonitoring(_spec: EnvironmentSpec): MonitoringDomain {
  return { name: 'secrets', alerts: [], recordings: [] };
}
