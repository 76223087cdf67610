import { POLICY_ANNOTATIONS } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import { canonicalJson, isJsonObject } from '../../canonical-json';
import type { JsonObject, JsonValue, KubernetesUnit } from '../../estate-unit';
import { unitLabel } from '../../estate-unit';
import { listAt, objectAt, stringAt } from '../json-values';
import { levelFor, type RiskFinding, type RiskRule } from '../risk-rule';
import { annotationOf, isKyvernoPolicy, rulesByName, shown, specOf } from './kyverno-documents';

type Action = 'Enforce' | 'Audit';

/** The namespaces one failure action override applies to, and its action. */
interface Override {
  /** Canonical JSON of `namespaces` and `namespaceSelector`: the same scope on both sides. */
  readonly scope: string;
  readonly scopeText: string;
  readonly action: Action;
}

/** How one rule of a policy acts on a failing resource: in namespaces an override names, and everywhere else. */
interface RuleEnforcement {
  readonly fallback: Action;
  /** The field that gave `fallback`. */
  readonly fallbackPath: string;
  readonly overrides: readonly Override[];
  readonly overridesPath: string;
}

/**
 * Kyverno's ValidationFailureAction.Enforce(): `Enforce` or the deprecated `enforce`; anything else
 * (`Audit`, `audit`, absent) audits (api/kyverno/v1/spec_types.go, kyverno v1.19). The CRD enum
 * admits only these four spellings.
 */
function actionOf(value: JsonValue | undefined): Action | undefined {
  if (typeof value !== 'string') return undefined;
  return value === 'Enforce' || value === 'enforce' ? 'Enforce' : 'Audit';
}

function overridesOf(list: readonly JsonValue[]): Override[] {
  return list.filter(isJsonObject).map((override) => {
    const namespaces = listAt(override, 'namespaces');
    const selector = objectAt(override, 'namespaceSelector');
    const parts = [
      ...(namespaces.length > 0 ? [`namespaces ${namespaces.map(shown).join(', ')}`] : []),
      ...(selector !== undefined ? [`namespaces selected by ${selectorText(selector)}`] : []),
    ];
    return {
      scope: canonicalJson({ namespaces: [...namespaces].map(shown).sort(), namespaceSelector: selector ?? null }),
      scopeText: parts.length > 0 ? parts.join(' and ') : 'all namespaces',
      action: actionOf(override.action) ?? 'Audit',
    };
  });
}

/** `policy.gitops-cdk.io/canary=true`, or the selector's JSON when it has expressions. */
function selectorText(selector: JsonObject): string {
  const labels = objectAt(selector, 'matchLabels');
  if (labels !== undefined && selector.matchExpressions === undefined) {
    return Object.entries(labels)
      .map(([key, value]) => `${key}=${shown(value)}`)
      .join(',');
  }
  return shown(selector);
}

/**
 * The effective failure action of a rule, resolved as Kyverno v1.19 resolves it
 * (github.com/kyverno/kyverno release-1.19, pkg/policycache/cache.go checkValidationFailureActionOverrides
 * and pkg/engine/api/engineresponse.go ruleAction/failureActionForRule):
 * - validate rules: the first override whose namespaces or namespace selector match decides; the
 *   rule's `validate.failureActionOverrides` replace the deprecated policy-level
 *   `spec.validationFailureActionOverrides`. Without a matching override: `validate.failureAction`,
 *   else the deprecated `spec.validationFailureAction`, whose CRD default is `Audit`.
 * - verifyImages rules: `Enforce` if any entry enforces, else the first entry's action; without one,
 *   the policy-level action and overrides.
 * Undefined for rules that neither validate nor verify images (mutate, generate): they never block.
 */
function enforcementOf(spec: JsonObject, rule: JsonObject, rulePath: string): RuleEnforcement | undefined {
  const policyAction = actionOf(spec.validationFailureAction);
  const policyOverrides = overridesOf(listAt(spec, 'validationFailureActionOverrides'));
  const policyLevel = (overrides: Override[]) => ({ overrides, overridesPath: 'spec.validationFailureActionOverrides' });
  const validate = objectAt(rule, 'validate');
  if (validate !== undefined) {
    const ruleAction = actionOf(validate.failureAction);
    const ruleOverrides = overridesOf(listAt(validate, 'failureActionOverrides'));
    return {
      fallback: ruleAction ?? policyAction ?? 'Audit',
      fallbackPath: ruleAction !== undefined ? `${rulePath}.validate.failureAction` : 'spec.validationFailureAction',
      ...(ruleOverrides.length > 0 ? { overrides: ruleOverrides, overridesPath: `${rulePath}.validate.failureActionOverrides` } : policyLevel(policyOverrides)),
    };
  }
  const entries = listAt(rule, 'verifyImages');
  if (entries.length === 0) return undefined;
  const entryActions = entries.map((entry) => actionOf(stringAt(entry, 'failureAction'))).filter((action): action is Action => action !== undefined);
  if (entryActions.length > 0) {
    return { fallback: entryActions.includes('Enforce') ? 'Enforce' : 'Audit', fallbackPath: `${rulePath}.verifyImages`, overrides: [], overridesPath: `${rulePath}.verifyImages` };
  }
  return { fallback: policyAction ?? 'Audit', fallbackPath: 'spec.validationFailureAction', ...policyLevel(policyOverrides) };
}

/** Every namespace scope where `head` audits what `base` enforced, with the field that changed. */
function weakenings(base: RuleEnforcement, head: RuleEnforcement): { scope: string; path: string }[] {
  if (base.fallback === 'Enforce' && head.fallback === 'Audit') {
    // One finding says it all: every namespace audits but those a head override still enforces.
    const enforcedStill = head.overrides.filter((o) => o.action === 'Enforce').map((o) => o.scopeText);
    return [{ scope: enforcedStill.length > 0 ? `except in ${enforcedStill.join('; ')}` : 'in every namespace', path: head.fallbackPath }];
  }
  const found: { scope: string; path: string }[] = [];
  const baseScopes = new Map(base.overrides.map((o) => [o.scope, o]));
  const headScopes = new Map(head.overrides.map((o) => [o.scope, o]));
  // An override now auditing namespaces the rule enforced in: added, or changed from Enforce.
  for (const override of head.overrides) {
    const before = baseScopes.get(override.scope)?.action ?? base.fallback;
    if (before === 'Enforce' && override.action === 'Audit') {
      const how = baseScopes.has(override.scope) ? 'override changed' : 'override added';
      found.push({ scope: `in ${override.scopeText} (${how})`, path: head.overridesPath });
    }
  }
  // An Enforce override removed (the canary namespaces of staging) leaves its namespaces to the fallback.
  for (const override of base.overrides) {
    if (override.action === 'Enforce' && !headScopes.has(override.scope) && head.fallback === 'Audit') {
      found.push({ scope: `in ${override.scopeText} (Enforce override removed)`, path: base.overridesPath });
    }
  }
  return found;
}

/** `(lifecycle stage enforce -> canary)` when the estate's stage annotation changed with it. */
function stageNote(base: KubernetesUnit, head: KubernetesUnit): string {
  const before = annotationOf(base, POLICY_ANNOTATIONS.stage);
  const after = annotationOf(head, POLICY_ANNOTATIONS.stage);
  if (before === after) return after !== undefined ? ` (lifecycle stage ${after})` : '';
  return ` (lifecycle stage ${before ?? '(none)'} -> ${after ?? '(none)'})`;
}

export const kyvernoTowardsAudit: RiskRule<'kubernetes'> = {
  id: 'kyverno-towards-audit',
  engine: 'kubernetes',
  title: 'a Kyverno validate or verifyImages rule moved from Enforce towards Audit',
  check(change, context) {
    const { base, head } = change;
    if (!isKyvernoPolicy(base) || !isKyvernoPolicy(head)) return [];
    const baseRules = rulesByName(base);
    const level = levelFor(context.tier, { production: 'high', staging: 'medium', development: 'low' });
    const findings: RiskFinding[] = [];
    for (const [name, headRule] of rulesByName(head)) {
      const baseRule = baseRules.get(name);
      if (baseRule === undefined) continue;
      const rulePath = `spec.rules[name=${name}]`;
      const before = enforcementOf(specOf(base), baseRule, rulePath);
      const after = enforcementOf(specOf(head), headRule, rulePath);
      if (before === undefined || after === undefined) continue;
      for (const weakening of weakenings(before, after)) {
        findings.push({
          level,
          reason: `${unitLabel(head)} rule ${name}: Enforce -> Audit ${weakening.scope}${stageNote(base, head)}: violations are admitted and only reported`,
          path: weakening.path,
        });
      }
    }
    return findings;
  },
};
