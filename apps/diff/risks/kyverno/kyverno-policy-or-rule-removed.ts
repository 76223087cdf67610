import { POLICY_ANNOTATIONS } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import type { JsonObject, KubernetesUnit } from '../../estate-unit';
import { unitLabel } from '../../estate-unit';
import { highInProduction, type RiskFinding, type RiskLevel, type RiskRule } from '../risk-rule';
import { annotationOf, isKyvernoPolicy, rulesByName, specOf } from './kyverno-documents';
import { narrowings, widenings } from './match-coverage';

/** `(lifecycle stage enforce)`, when the estate recorded one. */
function stageOf(unit: KubernetesUnit): string {
  const stage = annotationOf(unit, POLICY_ANNOTATIONS.stage);
  return stage !== undefined ? ` (lifecycle stage ${stage})` : '';
}

/**
 * Switches of the policy spec that default to true in Kyverno v1.19 (`+kubebuilder:default=true`,
 * Spec.BackgroundProcessingEnabled / AdmissionProcessingEnabled in api/kyverno/v1/spec_types.go):
 * absent means on.
 */
function switchedOff(base: JsonObject, head: JsonObject, field: 'background' | 'admission'): boolean {
  return base[field] !== false && head[field] === false;
}

/** One way a rule checks fewer resources than before: `exclude widened (namespaces +payments)`. */
interface Narrowing {
  readonly rule: string;
  readonly field: 'exclude' | 'match';
  readonly what: string;
}

/**
 * What the exclude admits, the rule skips: an exclude that admits more, or a match that admits less,
 * takes resources out of the rule (the same effect, the same weight).
 */
function ruleNarrowings(name: string, base: JsonObject, head: JsonObject): Narrowing[] {
  const found: Narrowing[] = [];
  const excluded = widenings(base.exclude, head.exclude);
  if (excluded.length > 0) found.push({ rule: name, field: 'exclude', what: `${base.exclude === undefined ? 'exclude added' : 'exclude widened'} (${excluded.join(' or ')})` });
  const narrowed = narrowings(base.match, head.match);
  if (narrowed.length > 0) found.push({ rule: name, field: 'match', what: `match narrowed (${narrowed.join(' or ')})` });
  return found;
}

const rulePath = (name: string): string => `spec.rules[name=${name}]`;

/** `rule x` or `rules x, y`. */
const rulesText = (names: readonly string[]): string => `${names.length === 1 ? 'rule' : 'rules'} ${names.join(', ')}`;

/**
 * One finding for every rule of the policy that checks fewer resources: one spec change (a namespace
 * excluded from every policy) is one change to review per policy, not one per rule. Rules narrowed
 * the same way are named together.
 */
function narrowingFinding(policy: KubernetesUnit, narrowed: readonly Narrowing[], level: RiskLevel): RiskFinding | undefined {
  const whatByRule = new Map<string, string[]>();
  for (const { rule, what } of narrowed) whatByRule.set(rule, [...(whatByRule.get(rule) ?? []), what]);
  const rulesByWhat = new Map<string, string[]>();
  for (const [rule, whats] of whatByRule) {
    const what = whats.join(' and ');
    rulesByWhat.set(what, [...(rulesByWhat.get(what) ?? []), rule]);
  }
  const [first, second] = narrowed;
  if (first === undefined) return undefined;
  const path = whatByRule.size > 1 ? 'spec.rules' : second !== undefined ? rulePath(first.rule) : `${rulePath(first.rule)}.${first.field}`;
  const parts = [...rulesByWhat].map(([what, names]) => `${rulesText(names)}: ${what}`);
  return {
    level,
    reason: `${unitLabel(policy)} ${parts.join('; ')}: ${whatByRule.size === 1 ? 'the rule no longer checks' : 'the rules no longer check'} those resources`,
    path,
  };
}

export const kyvernoPolicyOrRuleRemoved: RiskRule<'kubernetes'> = {
  id: 'kyverno-policy-or-rule-removed',
  engine: 'kubernetes',
  title: 'a Kyverno policy or rule removed, a rule excluding more or matching less, background scans or admission switched off',
  check(change, context) {
    const { base, head } = change;
    if (!isKyvernoPolicy(base)) return [];
    const level = highInProduction(context.tier);
    if (change.kind === 'removed' || !isKyvernoPolicy(head)) {
      const names = [...rulesByName(base).keys()];
      return [{ level, reason: `${unitLabel(base)} removed${stageOf(base)}: its rules (${names.join(', ') || 'none'}) no longer apply to any resource` }];
    }
    const findings: RiskFinding[] = [];
    const headRules = rulesByName(head);
    const removed: string[] = [];
    const narrowed: Narrowing[] = [];
    for (const [name, baseRule] of rulesByName(base)) {
      const headRule = headRules.get(name);
      if (headRule === undefined) removed.push(name);
      else narrowed.push(...ruleNarrowings(name, baseRule, headRule));
    }
    const [onlyRemoved, anotherRemoved] = removed;
    if (onlyRemoved !== undefined) {
      const what = anotherRemoved === undefined ? 'what it checked is' : 'what they checked is';
      findings.push({
        level,
        reason: `${unitLabel(head)} ${rulesText(removed)} removed${stageOf(base)}: ${what} no longer checked`,
        path: anotherRemoved === undefined ? rulePath(onlyRemoved) : 'spec.rules',
      });
    }
    const narrowing = narrowingFinding(head, narrowed, level);
    if (narrowing !== undefined) findings.push(narrowing);
    if (switchedOff(specOf(base), specOf(head), 'admission')) {
      findings.push({
        level,
        reason: `${unitLabel(head)}: admission true -> false: its rules no longer run on admission requests (only in background scans)`,
        path: 'spec.admission',
      });
    }
    if (switchedOff(specOf(base), specOf(head), 'background')) {
      findings.push({
        level: 'medium',
        reason: `${unitLabel(head)}: background true -> false: existing resources are no longer scanned, policy reports miss their violations`,
        path: 'spec.background',
      });
    }
    return findings;
  },
};
