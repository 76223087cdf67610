import type { Tier } from '../../../../constructs/core/tier';
import { POLICY_ANNOTATIONS } from '../../../../constructs/kubernetes/gitops-cdk-labels';
import type { JsonObject, KubernetesUnit } from '../../estate-unit';
import { unitLabel } from '../../estate-unit';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
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

function ruleFindings(policy: KubernetesUnit, name: string, base: JsonObject, head: JsonObject, tier: Tier): RiskFinding[] {
  const findings: RiskFinding[] = [];
  const path = `spec.rules[name=${name}]`;
  // What the exclude admits, the rule skips: an exclude that admits more takes resources out of the rule.
  const excluded = widenings(base.exclude, head.exclude);
  if (excluded.length > 0) {
    const how = base.exclude === undefined ? 'exclude added' : 'exclude widened';
    findings.push({
      level: highInProduction(tier),
      reason: `${unitLabel(policy)} rule ${name}: ${how} (${excluded.join(' or ')}): the rule no longer checks those resources`,
      path: `${path}.exclude`,
    });
  }
  const narrowed = narrowings(base.match, head.match);
  if (narrowed.length > 0) {
    findings.push({
      level: 'medium',
      reason: `${unitLabel(policy)} rule ${name}: match narrowed (${narrowed.join(' or ')}): resources it checked may no longer be checked`,
      path: `${path}.match`,
    });
  }
  return findings;
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
    for (const [name, baseRule] of rulesByName(base)) {
      const headRule = headRules.get(name);
      if (headRule === undefined)
        findings.push({ level, reason: `${unitLabel(head)} rule ${name} removed${stageOf(base)}: what it checked is no longer checked`, path: `spec.rules[name=${name}]` });
      else findings.push(...ruleFindings(head, name, baseRule, headRule, context.tier));
    }
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
