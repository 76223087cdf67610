import type { DiffReport } from '../diff-report';
import { componentOf, type EstateUnit, unitLabel } from '../estate-unit';
import { RISK_LEVELS } from '../risks/risk-rule';
import type { UnitChange } from '../unit-change';

/**
 * The diff for machines: the same content as the comment without truncation (every field change),
 * and `affected` for CI to plan and sync only what changed. Units are named, not copied: the bodies
 * are in dist/ at either revision.
 */
export function jsonReport(report: DiffReport): string {
  const flagCounts = Object.fromEntries(RISK_LEVELS.map((level) => [level, report.flags.filter((f) => f.level === level).length]));
  return `${JSON.stringify(
    {
      base: report.base,
      head: report.head,
      summary: {
        flags: flagCounts,
        environments: report.environments.map((env) => ({ environment: env.environment, tier: env.tier, presence: env.presence, ...env.counts, files: env.files.length })),
      },
      flags: report.flags,
      affected: report.affected,
      environments: report.environments.map((env) => ({
        environment: env.environment,
        tier: env.tier,
        presence: env.presence,
        counts: env.counts,
        changes: env.changes.map(changeJson),
        files: env.files,
      })),
      estateFiles: report.estateFiles,
      notes: report.notes,
    },
    null,
    2,
  )}\n`;
}

function changeJson(change: UnitChange) {
  const unit = (change.head ?? change.base) as EstateUnit;
  const ref = (u: EstateUnit) => ({ key: u.key, label: unitLabel(u), file: u.file });
  return {
    kind: change.kind,
    engine: unit.engine,
    component: componentOf(unit),
    ...ref(unit),
    ...(change.kind === 'moved' && change.base ? { from: ref(change.base) } : {}),
    ...(change.declaredMove === true ? { declaredMove: true } : {}),
    fields: change.fields,
  };
}
