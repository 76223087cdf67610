import { expectRejected } from './spec-expectations';
import { fleetViolations, specViolations } from './spec-violations';
import { dev, FIXTURE_FLEET } from './tier-fixtures';

describe('the spec rules', () => {
  // The example estate's own specs are checked in test/estate/reference-estate.test.ts.
  describe('the fixture fleet', () => {
    it('validates every environment of the fixture fleet with zero violations', () => {
      expect(fleetViolations(FIXTURE_FLEET)).toEqual([]);
    });

    it.each(FIXTURE_FLEET.map((spec) => [spec.name, spec] as const))('validates %s on its own with zero violations', (_name, spec) => {
      expect(specViolations(spec)).toEqual([]);
    });
  });

  describe('identity', () => {
    it.each(['Prod', 'prod_eu', '1prod', 'prod-', 'p'.repeat(33)])('rejects the environment name %s, which is not a short DNS label', (name) => {
      expectRejected({ ...dev, name }, 'name', { value: name, fix: /rename it/, problem: /DNS label/ });
    });

    it.each([
      ['owner', ''],
      ['owner', 'platform team'],
      ['costCentre', ''],
      ['costCentre', 'cc/4711'],
      ['costCentre', 'c'.repeat(64)],
    ] as const)('rejects %s %j, which is not a non-empty label value', (field, value) => {
      expectRejected({ ...dev, [field]: value }, field, { value, fix: `set ${field} to a value like 'platform-team'` });
    });
  });
});
