import { levelFor, type RiskRule } from '../risk-rule';

const ORDER = ['development', 'staging', 'production'] as const;

/**
 * An environment's tier lowered (dist/estate/<env>/environment.json): every later change of it is
 * then weighed, and refused by synth's rule packs, as the lower tier's. The diff of this change still
 * weighs the environment by the stricter of its two tiers; this flag says why a reviewer must look.
 */
export const environmentTierLowered: RiskRule<'environment'> = {
  id: 'environment-tier-lowered',
  engine: 'environment',
  title: "an environment's tier lowered (production to staging or development, staging to development)",
  check(change) {
    const { base, head } = change;
    if (base === undefined || head === undefined || ORDER.indexOf(head.tier) >= ORDER.indexOf(base.tier)) return [];
    return [
      {
        level: levelFor(base.tier, { production: 'high', staging: 'medium', development: 'low' }),
        reason: `tier ${base.tier} -> ${head.tier}: the ${base.tier} rules (enforced policies, no auto-prune, sync windows) no longer hold it from the next synth`,
        path: 'tier',
      },
    ];
  },
};
