import type { FleetFinding, FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { fleetFinding } from './support/fleet-finding';

const TIER_RANK: Readonly<Record<EnvironmentSpec['tier'], number>> = { development: 0, staging: 1, production: 2 };

/**
 * Promotion copies pins from `promotesFrom`: the source must exist and be a stage no stricter than
 * the target, so pins flow dev -> staging -> prod and never back.
 */
export const specPromotionChain: FleetRule<EnvironmentSpec> = {
  id: 'spec-promotion-chain',
  engine: 'fleet',
  level: 'error',
  title: 'Pins are promoted from an existing, less strict stage',
  rationale:
    'Promotion copies pinned versions from the previous stage: a missing source promotes nothing, and a stricter source lets changes reach production without passing the earlier stages.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (specs) =>
    specs.flatMap((spec): FleetFinding[] => {
      if (spec.promotesFrom === undefined) return [];
      const source = specs.find((s) => s.name === spec.promotesFrom);
      const candidates = specs.filter((s) => s.name !== spec.name && TIER_RANK[s.tier] <= TIER_RANK[spec.tier]).map((s) => s.name);
      const fix =
        candidates.length > 0
          ? `set promotesFrom to the previous stage, one of ${candidates.join(', ')}`
          : 'remove promotesFrom if this is the first stage, or add the previous stage to ENVIRONMENTS';
      if (source === undefined || source.name === spec.name) {
        return [fleetFinding(spec.name, 'promotesFrom', spec.promotesFrom, 'names no other environment of the fleet', fix)];
      }
      if (TIER_RANK[source.tier] > TIER_RANK[spec.tier]) {
        return [
          fleetFinding(spec.name, 'promotesFrom', spec.promotesFrom, `promotes from a stricter tier (${source.tier} -> ${spec.tier}): pins must flow towards production`, fix),
        ];
      }
      return [];
    }),
};
