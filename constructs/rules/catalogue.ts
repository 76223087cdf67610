import type { Tier } from '../core/tier';
import { CONSTRUCT_VALIDATION_RULE } from './construct-validation';
import type { EstateRule } from './estate/estate-rule';
import { PACKS } from './packs';
import type { RuleEngine } from './result';
import type { RuleMetadata } from './spec-rule';
import { SUPPRESSION_RULE } from './suppressions';
import type { KubernetesRule, TerraformRule } from './types';

const TIERS = Object.keys(PACKS) as Tier[];
const unique = <T>(rules: readonly T[]): T[] => [...new Set(rules)];

/** Every Kubernetes rule of any pack. */
export const KUBERNETES_RULES: readonly KubernetesRule[] = unique(TIERS.flatMap((t) => PACKS[t].kubernetes));
/** Every Terraform rule of any pack. */
export const TERRAFORM_RULES: readonly TerraformRule[] = unique(TIERS.flatMap((t) => PACKS[t].terraform));
/** Every estate rule of any pack. */
export const ESTATE_RULES: readonly EstateRule[] = unique(TIERS.flatMap((t) => PACKS[t].estate));

/** A rule as the report's catalogue lists it: its metadata, what it reads, and the tiers whose pack runs it. */
export interface CatalogueEntry extends Omit<RuleMetadata, 'tiers'> {
  readonly engine: RuleEngine | 'all';
  readonly tiers: readonly Tier[] | 'all';
}

/** The tiers whose pack lists the rule, or `all`. */
export function tiersOf(rule: RuleMetadata): readonly Tier[] | 'all' {
  const tiers = TIERS.filter((t) => [...PACKS[t].kubernetes, ...PACKS[t].terraform, ...PACKS[t].estate].some((r) => r.id === rule.id));
  return tiers.length === TIERS.length ? 'all' : tiers;
}

function entry(rule: RuleMetadata, engine: CatalogueEntry['engine'], tiers: CatalogueEntry['tiers']): CatalogueEntry {
  return { id: rule.id, engine, level: rule.level, tiers, title: rule.title, rationale: rule.rationale, controls: rule.controls };
}

/**
 * The catalogue the compliance report prints: every rule of every pack, the checks every
 * construct and suppression gets, and the spec and fleet rules given (they run in every tier
 * unless they say otherwise).
 */
export function ruleCatalogue(specRules: readonly (RuleMetadata & { readonly engine: 'spec' | 'fleet' })[] = []): CatalogueEntry[] {
  return [
    ...[...TERRAFORM_RULES, ...KUBERNETES_RULES, ...ESTATE_RULES].map((r) => entry(r, r.engine, tiersOf(r))),
    ...specRules.map((r) => entry(r, r.engine, r.tiers ?? 'all')),
    entry(CONSTRUCT_VALIDATION_RULE, 'all', 'all'),
    entry(SUPPRESSION_RULE, 'all', 'all'),
  ];
}
