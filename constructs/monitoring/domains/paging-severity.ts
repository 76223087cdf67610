import type { Tier } from '../../core/tier';
import type { Severity } from '../types';

/**
 * Severity of an alert that needs a human soon: production pages (critical); elsewhere the platform
 * team looks during working hours (warning).
 */
export function pagingSeverity(environment: { readonly tier: Tier }): Severity {
  return environment.tier === 'production' ? 'critical' : 'warning';
}
