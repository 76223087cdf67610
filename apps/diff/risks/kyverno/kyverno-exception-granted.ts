import { EXCEPTION_ANNOTATIONS } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import { canonicalJson } from '../../canonical-json';
import type { KubernetesUnit } from '../../estate-unit';
import { unitLabel } from '../../estate-unit';
import { listAt, stringAt, wildcardMatches } from '../json-values';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { annotationOf, isPolicyException, shown, specOf } from './kyverno-documents';
import { describeBlock, widenings as matchWidenings } from './match-coverage';

/** One policy/rule pair an exception names; rule names may hold wildcards. */
interface ExemptedRule {
  readonly policy: string;
  readonly rule: string;
}

function exemptedRules(unit: KubernetesUnit): ExemptedRule[] {
  return listAt(specOf(unit), 'exceptions').flatMap((exception) => {
    const policy = stringAt(exception, 'policyName') ?? '';
    return listAt(exception, 'ruleNames').map((rule) => ({ policy, rule: shown(rule) }));
  });
}

/**
 * Whether `base` already exempts `pair`. Kyverno v1.19 compares the policy name exactly and each
 * rule name as a wildcard (api/kyverno/v2/policy_exception_types.go, Exception.Contains), so a base
 * pattern `autogen-*` already covers `autogen-cronjob-x`.
 */
function covered(pair: ExemptedRule, base: readonly ExemptedRule[]): boolean {
  return base.some((known) => known.policy === pair.policy && wildcardMatches(known.rule, pair.rule));
}

/** `require-run-as-non-root (run-as-non-root, autogen-*)` per policy. */
function describeRules(pairs: readonly ExemptedRule[]): string {
  const byPolicy = new Map<string, string[]>();
  for (const { policy, rule } of pairs) byPolicy.set(policy, [...(byPolicy.get(policy) ?? []), rule]);
  return [...byPolicy].map(([policy, rules]) => `${policy} (${rules.join(', ')})`).join(', ');
}

/** `ticket PAY-812, expires 2027-03-31`, as the estate records them (EXCEPTION_ANNOTATIONS). */
function accountability(unit: KubernetesUnit): string {
  const ticket = annotationOf(unit, EXCEPTION_ANNOTATIONS.ticket);
  const expires = annotationOf(unit, EXCEPTION_ANNOTATIONS.expires);
  return [ticket !== undefined ? `ticket ${ticket}` : 'no ticket', expires !== undefined ? `expires ${expires}` : 'no expiry'].join(', ');
}

/** The ways `head` exempts more than `base`, each with the field it is about. */
function widenings(base: KubernetesUnit, head: KubernetesUnit): { what: string; path: string }[] {
  const found: { what: string; path: string }[] = [];
  const baseRules = exemptedRules(base);
  const newRules = exemptedRules(head).filter((pair) => !covered(pair, baseRules));
  if (newRules.length > 0) found.push({ what: `now exempts ${describeRules(newRules)}`, path: 'spec.exceptions' });

  const matched = matchWidenings(specOf(base).match, specOf(head).match);
  if (matched.length > 0) found.push({ what: `match widened (${matched.join(' or ')})`, path: 'spec.match' });

  // Conditions only narrow an exception (every one must hold for it to apply).
  if (specOf(base).conditions !== undefined && specOf(head).conditions === undefined) found.push({ what: 'conditions removed', path: 'spec.conditions' });

  const baseControls = new Set(listAt(specOf(base), 'podSecurity').map(canonicalJson));
  const newControls = listAt(specOf(head), 'podSecurity').filter((control) => !baseControls.has(canonicalJson(control)));
  if (newControls.length > 0)
    found.push({ what: `podSecurity controls added (${newControls.map((c) => stringAt(c, 'controlName') ?? shown(c)).join(', ')})`, path: 'spec.podSecurity' });

  const expiresBefore = annotationOf(base, EXCEPTION_ANNOTATIONS.expires);
  const expiresAfter = annotationOf(head, EXCEPTION_ANNOTATIONS.expires);
  // ISO dates (YYYY-MM-DD, checked by constructs/kyverno/policy-exception.ts) order as text.
  if (expiresBefore !== undefined && (expiresAfter === undefined || expiresAfter > expiresBefore)) {
    found.push({ what: `expiry ${expiresBefore} -> ${expiresAfter ?? '(none: never expires)'}`, path: `metadata.annotations.${JSON.stringify(EXCEPTION_ANNOTATIONS.expires)}` });
  }
  return found;
}

export const kyvernoExceptionGranted: RiskRule<'kubernetes'> = {
  id: 'kyverno-exception-granted',
  engine: 'kubernetes',
  title: 'a Kyverno PolicyException added or extended (more rules, a wider match, a later expiry)',
  check(change, context) {
    const { base, head } = change;
    // A removed exception makes the policies apply again: not a risk.
    if (!isPolicyException(head)) return [];
    const level = highInProduction(context.tier);
    if (!isPolicyException(base)) {
      return [
        {
          level,
          reason: `${unitLabel(head)} added: exempts ${describeRules(exemptedRules(head)) || 'no rule'} for ${describeBlock(specOf(head).match)} (${accountability(head)})`,
        },
      ];
    }
    return widenings(base, head).map(({ what, path }): RiskFinding => ({ level, reason: `${unitLabel(head)} extended: ${what} (${accountability(head)})`, path }));
  },
};
