import type { EnvironmentSpec } from '../../../environments/types';

/** Replicas of admission-path controllers: one in development, three (HA across zones) above it. */
export function haReplicas(spec: EnvironmentSpec): number {
  return spec.tier === 'development' ? 1 : 3;
}
