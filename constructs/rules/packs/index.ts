import type { Tier } from '../../core/tier';
import { DEVELOPMENT_PACK } from './development';
import { PRODUCTION_PACK } from './production';
import type { RulePack } from './rule-pack';
import { STAGING_PACK } from './staging';

/** One pack per tier. */
export const PACKS: Readonly<Record<Tier, RulePack>> = {
  development: DEVELOPMENT_PACK,
  staging: STAGING_PACK,
  production: PRODUCTION_PACK,
};

export function packFor(tier: Tier): RulePack {
  return PACKS[tier];
}

export type { RulePack } from './rule-pack';
