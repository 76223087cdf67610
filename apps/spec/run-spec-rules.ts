import type { Finding } from '../../constructs/core/finding';
import type { Tier } from '../../constructs/core/tier';
import type { FleetFinding, FleetRule, RuleMetadata, SpecRule } from '../../constructs/rules/spec-rule';

/** A rule without `tiers` runs in every tier. */
function runsIn(rule: RuleMetadata, tier: Tier): boolean {
  return rule.tiers === undefined || rule.tiers.includes(tier);
}

/** The findings of every rule that runs in the subject's tier, in the order of `rules`. */
export function runSpecRules<S extends { readonly tier: Tier }>(rules: readonly SpecRule<S>[], subject: S): Finding[] {
  return rules.filter((rule) => runsIn(rule, subject.tier)).flatMap((rule) => rule.check(subject));
}

/** The findings of every fleet rule on all subjects, in the order of `rules`. */
export function runFleetRules<S>(rules: readonly FleetRule<S>[], subjects: readonly S[]): FleetFinding[] {
  return rules.flatMap((rule) => rule.check(subjects));
}
