import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';

/** Drift of every Argo CD application by severity class, and the drift analytics (MTTD, MTTR, drift duration). */
export function gitopsDriftMonitoring(_spec: EnvironmentSpec): MonitoringDomain {
  return { name: 'gitops-drift', alerts: [], recordings: [] };
}
