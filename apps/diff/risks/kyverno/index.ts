import type { RiskRule } from '../risk-rule';
import { kyvernoCanaryNamespaceLeft } from './kyverno-canary-namespace-left';
import { kyvernoExceptionGranted } from './kyverno-exception-granted';
import { kyvernoFailOpen } from './kyverno-fail-open';
import { kyvernoPolicyOrRuleRemoved } from './kyverno-policy-or-rule-removed';
import { kyvernoTowardsAudit } from './kyverno-towards-audit';

/** Risk rules on Kyverno policies and policy exceptions. */
export const KYVERNO_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [
  kyvernoTowardsAudit,
  kyvernoPolicyOrRuleRemoved,
  kyvernoFailOpen,
  kyvernoExceptionGranted,
  kyvernoCanaryNamespaceLeft,
];
