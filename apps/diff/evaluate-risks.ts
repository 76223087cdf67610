import type { Tier } from '../../constructs/core/tier';
import { compareText } from '../../constructs/rules/result';
import type { RiskFlag } from './diff-report';
import { unitLabel } from './estate-unit';
import { RISK_LEVELS, type RiskRule } from './risks/risk-rule';
import type { AnyRiskRule } from './risks/risk-rules';
import { currentUnit, type UnitChange } from './unit-change';

/**
 * Every rule of the change's engine on every change. A rule that throws is a defect of the rule,
 * not of the change: it becomes a `high` flag naming the rule, so that a broken rule can never
 * hide a risk by passing silently.
 */
export function evaluateRisks(changes: readonly UnitChange[], rules: readonly AnyRiskRule[], tierOf: (environment: string) => Tier): RiskFlag[] {
  const flags: RiskFlag[] = [];
  for (const change of changes) {
    const unit = currentUnit(change);
    const context = { environment: change.environment, tier: tierOf(change.environment) };
    for (const rule of rules) {
      if (rule.engine !== unit.engine) continue;
      let findings: ReturnType<RiskRule['check']>;
      try {
        findings = (rule as RiskRule<typeof unit.engine>).check(change as UnitChange<typeof unit>, context);
      } catch (error) {
        findings = [
          {
            level: 'high',
            reason: `risk rule ${rule.id} failed on this change (${error instanceof Error ? error.message : String(error)}): review it by hand and report the defect`,
          },
        ];
      }
      const label = unitLabel(unit);
      for (const finding of findings) {
        // The unit is shown beside the reason: a reason that starts by naming it again is cut.
        const reason = finding.reason.startsWith(`${label}: `) ? finding.reason.slice(label.length + 2) : finding.reason;
        flags.push({
          level: finding.level,
          rule: rule.id,
          environment: change.environment,
          unit: label,
          file: unit.file,
          reason,
          ...(finding.path !== undefined ? { path: finding.path } : {}),
        });
      }
    }
  }
  return flags.sort(compareFlags);
}

export function compareFlags(a: RiskFlag, b: RiskFlag): number {
  return (
    RISK_LEVELS.indexOf(a.level) - RISK_LEVELS.indexOf(b.level) ||
    compareText(a.environment, b.environment) ||
    compareText(a.rule, b.rule) ||
    compareText(a.unit, b.unit) ||
    compareText(a.reason, b.reason)
  );
}
