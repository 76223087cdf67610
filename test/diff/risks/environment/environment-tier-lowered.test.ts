import { compareUnits } from '../../../../apps/diff/compare-units';
import type { EnvironmentUnit } from '../../../../apps/diff/estate-unit';
import { environmentTierLowered } from '../../../../apps/diff/risks/environment/environment-tier-lowered';
import type { Tier } from '../../../../constructs/core/tier';

function index(tier: Tier): EnvironmentUnit {
  return { engine: 'environment', environment: 'prod', key: 'environment', file: 'dist/estate/prod/environment.json', tier, body: { environment: 'prod', tier } };
}

function check(before: Tier, after: Tier) {
  const change = compareUnits(index(before), index(after));
  if (change === undefined) throw new Error('unchanged');
  return environmentTierLowered.check(change, { environment: 'prod', tier: before });
}

describe('environment-tier-lowered', () => {
  it('flags production lowered as high, staging lowered as medium', () => {
    expect(check('production', 'development')).toEqual([{ level: 'high', reason: expect.stringContaining('tier production -> development'), path: 'tier' }]);
    expect(check('staging', 'development')).toEqual([expect.objectContaining({ level: 'medium' })]);
  });

  it('does not flag a tier raised', () => {
    expect(check('staging', 'production')).toEqual([]);
    expect(check('development', 'staging')).toEqual([]);
  });
});
