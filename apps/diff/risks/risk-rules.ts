import type { Engine } from '../estate-unit';
import { ARGOCD_RISK_RULES } from './argocd';
import { COMPLIANCE_RISK_RULES } from './compliance';
import { ENVIRONMENT_RISK_RULES } from './environment';
import { KYVERNO_RISK_RULES } from './kyverno';
import type { RiskRule } from './risk-rule';
import { TERRAFORM_RISK_RULES } from './terraform';

/**
 * A rule of one engine (`RiskRule<'kubernetes'> | RiskRule<'terraform'> | ...`, one member per
 * engine, so a new engine needs no edit here). A `RiskRule<'kubernetes'>` is not a `RiskRule`: its
 * check reads only Kubernetes changes; evaluate-risks.ts gives each rule only its engine's changes.
 */
export type AnyRiskRule = { readonly [E in Engine]: RiskRule<E> }[Engine];

/** Every risk rule of `npm run diff`, in one place; each folder holds one engine's rules, one rule per file. */
export const RISK_RULES: readonly AnyRiskRule[] = [...ENVIRONMENT_RISK_RULES, ...ARGOCD_RISK_RULES, ...KYVERNO_RISK_RULES, ...TERRAFORM_RISK_RULES, ...COMPLIANCE_RISK_RULES];
