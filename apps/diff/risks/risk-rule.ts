import type { Tier } from '../../../constructs/core/tier';
import type { Engine, EstateUnit } from '../estate-unit';
import type { UnitChange } from '../unit-change';

/** How much a reviewer must look: `high` fails `--fail-on high`; `low` is worth a glance. */
export type RiskLevel = 'high' | 'medium' | 'low';

export const RISK_LEVELS: readonly RiskLevel[] = ['high', 'medium', 'low'];

/** What a risk rule knows besides the change: the environment and its tier. */
export interface RiskContext {
  readonly environment: string;
  /**
   * The environment's tier from dist/estate/<env>.json. A revision that has no such file (written
   * before the diff existed) gives `production`: an unknown environment is weighed as the riskiest.
   */
  readonly tier: Tier;
}

/** One reason to look, found by a rule on one change. */
export interface RiskFinding {
  readonly level: RiskLevel;
  /** One line a reviewer reads in the summary: what changed and why it matters ("auto-prune switched on in production: ..."). */
  readonly reason: string;
  /** The field it is about, as in FieldChange.path, when there is one. */
  readonly path?: string;
}

/**
 * A risk rule: looks at one unit change of its engine and says why it is risky, or nothing. Rules
 * are pure (no I/O, no other units): everything they weigh is in the change and the context.
 * Every rule is registered once in risks/risk-rules.ts and has a test pair (flags / does not flag).
 */
export interface RiskRule<E extends Engine = Engine> {
  /** Stable id, shown with each flag and usable in JSON consumers: `argocd-auto-prune-enabled`. */
  readonly id: string;
  readonly engine: E;
  /** What the rule looks for, in a phrase (`auto-prune switched on in production`), for the README and `--help`. */
  readonly title: string;
  check(change: UnitChange<Extract<EstateUnit, { engine: E }>>, context: RiskContext): readonly RiskFinding[];
}

/** `high` in production, `medium` elsewhere: the usual weight of a change that weakens or widens something. */
export function highInProduction(tier: Tier): RiskLevel {
  return tier === 'production' ? 'high' : 'medium';
}

/** The level of a finding in an environment of `tier`, when each tier weighs it differently. */
export function levelFor(tier: Tier, levels: Readonly<Record<Tier, RiskLevel>>): RiskLevel {
  return levels[tier];
}
