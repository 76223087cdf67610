/**
 * The five-field cron of a Velero Schedule, read the way Velero reads it: velero v1.17.1
 * pkg/controller/schedule_controller.go parses `spec.schedule` with robfig/cron v3's
 * `cron.ParseStandard` and runs it in the server's time zone (UTC: the image sets no TZ). Only
 * numeric fields are accepted here (no month or weekday names, no `@daily`), so what the spec says
 * is what a reader sees. Day of month and day of week combine as robfig/cron combines them: when
 * either is a bare `*` both must match, otherwise either may (Vixie cron's rule).
 */

interface FieldRange {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

const FIELDS: readonly FieldRange[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  // 0-6 only: Velero v1.17.1 parses with robfig/cron v3 `ParseStandard` (pkg/controller/schedule_controller.go),
  // whose day-of-week bounds are 0-6 (spec.go `dow`; parser.go: "end of range (7) above maximum (6)"),
  // so `7` for Sunday (as Vixie cron reads it) would leave the Schedule FailedValidation.
  { name: 'day of week', min: 0, max: 6 },
];

/** A parsed cron: the values each field matches, and whether day of month / week were a bare `*`. */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly anyDayOfMonth: boolean;
  readonly anyDayOfWeek: boolean;
}

const PART = /^(\*|\d+)(?:-(\d+))?(?:\/(\d+))?$/;

/** The values of one field, or the reason it is not a numeric cron field. */
function parseField(text: string, range: FieldRange): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = PART.exec(part);
    if (match === null) return `${range.name} '${part}' is not a number, a range a-b, '*' or a step '/n'`;
    const [, start, end, step] = match;
    const star = start === '*';
    if (star && end !== undefined) return `${range.name} '${part}' cannot be a range starting at '*'`;
    const from = star ? range.min : Number(start);
    // `n/step` means n to the maximum, as in robfig/cron.
    const to = star || (step !== undefined && end === undefined) ? range.max : Number(end ?? start);
    const by = step === undefined ? 1 : Number(step);
    const max = range.max;
    if (from < range.min || to > max || from > to) return `${range.name} '${part}' is outside ${range.min}-${max} or runs backwards`;
    if (by < 1) return `${range.name} '${part}' has a step below 1`;
    for (let value = from; value <= to; value += by) values.add(value);
  }
  return values;
}

/** The schedule `cron` describes, or the reason it is not a five-field numeric cron. */
export function parseCron(cron: string): CronSchedule | string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== FIELDS.length) return `has ${fields.length} fields; a Velero schedule here has five (minute hour day-of-month month day-of-week)`;
  const parsed: Set<number>[] = [];
  for (const [index, range] of FIELDS.entries()) {
    const values = parseField(fields[index] ?? '', range);
    if (typeof values === 'string') return values;
    parsed.push(values);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = parsed as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  return { minutes, hours, daysOfMonth, months, daysOfWeek, anyDayOfMonth: fields[2] === '*', anyDayOfWeek: fields[4] === '*' };
}

function runsOn(schedule: CronSchedule, day: Date): boolean {
  if (!schedule.months.has(day.getUTCMonth() + 1)) return false;
  const dom = schedule.daysOfMonth.has(day.getUTCDate());
  const dow = schedule.daysOfWeek.has(day.getUTCDay());
  return schedule.anyDayOfMonth || schedule.anyDayOfWeek ? dom && dow : dom || dow;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** Two years from a fixed day: every gap of a schedule that runs at least yearly shows up, leap day included. */
const WINDOW_START = Date.UTC(2026, 0, 1);
const WINDOW_DAYS = 731;

/**
 * The longest time between two consecutive runs of `schedule`, in minutes: what a backup may be
 * old by just before the next one runs. Undefined when it runs less than twice in two years.
 */
export function longestCronGapMinutes(schedule: CronSchedule): number | undefined {
  const hours = [...schedule.hours].sort((a, b) => a - b);
  const minutes = [...schedule.minutes].sort((a, b) => a - b);
  let previous: number | undefined;
  let longest: number | undefined;
  for (let day = 0; day < WINDOW_DAYS; day++) {
    const start = WINDOW_START + day * DAY_MS;
    if (!runsOn(schedule, new Date(start))) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const at = start + (hour * 60 + minute) * MINUTE_MS;
        if (previous !== undefined) longest = Math.max(longest ?? 0, (at - previous) / MINUTE_MS);
        previous = at;
      }
    }
  }
  return longest;
}
