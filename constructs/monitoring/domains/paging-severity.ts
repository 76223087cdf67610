import type { EnvironmentSpec } from '../../../environments/types';
import type { Severity } from '../types';

/**
 * Severity of an alert that needs a human soon: production pages (critical); elsewhere the platform
 * team looks during working hours (warning).
 */
export function pagingSeverity(spec: EnvironmentSpec): Severity {
  return spec.tier === 'production' ? 'critical' : 'warning';
}
