/**
 * A validator of 5-field cron expressions as Argo CD reads sync window schedules (robfig/cron's
 * standard parser): numbers, names, `*`, ranges, lists and steps. It says why an expression is
 * refused rather than only whether, so a message can point at the field to fix.
 */

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names Argo CD's cron parser accepts in place of numbers (JAN, MON). */
  readonly names?: readonly string[];
}

const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 0-6: Argo CD parses windows with robfig/cron, whose day-of-week range ends at 6 (Saturday).
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** A number, or a name mapped to its number (names start at the field's minimum). */
function cronValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index < 0 ? undefined : field.min + index;
}

/** One comma-separated item: `*`, `*\/step`, `n`, `a-b`, `a-b/step` or `n/step`. */
function cronItemProblem(item: string, field: CronField): string | undefined {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `bad step in '${item}'`;
  if (range === '*') return undefined;
  const [startText = '', endText, tooMany] = range.split('-');
  const start = cronValue(startText, field);
  const end = endText === undefined ? start : cronValue(endText, field);
  if (tooMany !== undefined || start === undefined || end === undefined) return `'${item}' is not a number, range or '*'`;
  if (start < field.min || end > field.max) return `'${item}' is outside ${field.min}-${field.max}`;
  return start > end ? `range '${item}' runs backwards` : undefined;
}

/**
 * Why a cron expression is invalid (`day of week field: '7' is outside 0-6`), or undefined when
 * it is a valid 5-field expression. Descriptors such as `@daily` are refused: they count as 1 field.
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  const parts = schedule.trim().split(/\s+/);
  if (parts.length !== CRON_FIELDS.length) return `has ${parts.length} fields, cron needs 5 (minute hour day month weekday)`;
  for (const [index, field] of CRON_FIELDS.entries()) {
    for (const item of (parts[index] ?? '').split(',')) {
      const problem = cronItemProblem(item, field);
      if (problem !== undefined) return `${field.name} field: ${problem}`;
    }
  }
  return undefined;
}
