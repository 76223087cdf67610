import { checkSpecs } from '../../../apps/spec/check-specs';
import type { RuleResult } from '../../../constructs/rules/result';
import type { EnvironmentSpec, TenantSpec, Tier } from '../../../environments/types';
import { fixtureTenant, fixtureTenantEnvironment } from '../../support/fixture-tenant';

/** The failing results (errors and warnings) of one rule on the spec, as synth records them: environment, file, field, value, problem, fix. */
export function failuresOf(ruleId: string, spec: EnvironmentSpec): RuleResult[] {
  const { results } = checkSpecs([spec], { today: '2026-12-03', exceptions: [], supportRules: [], fleetRules: [] });
  return results.filter((r) => r.rule === ruleId && r.status === 'fail');
}

/** The fixture environment of `tier` with these tenants (alpha and beta by default) and the changes to it. */
export function withTenants(
  tenants: readonly TenantSpec[] = [fixtureTenant(), fixtureTenant({ name: 'beta' })],
  tier: Tier = 'staging',
  change: Partial<EnvironmentSpec> = {},
): EnvironmentSpec {
  return { ...fixtureTenantEnvironment(tier, tenants), ...change };
}

/** The fields a rule fails on. */
export function failingFields(ruleId: string, spec: EnvironmentSpec): string[] {
  return failuresOf(ruleId, spec).map((r) => r.field ?? '');
}
