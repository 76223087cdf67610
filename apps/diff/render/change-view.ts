import { compareText } from '../../../constructs/rules/result';
import { canonicalJson } from '../canonical-json';
import type { ComplianceUnit, EstateUnit, JsonValue } from '../estate-unit';
import { componentOf, unitLabel } from '../estate-unit';
import type { FieldChange, UnitChange } from '../unit-change';

/** At most this many fields of one unit are listed; the rest are counted. */
export const MAX_FIELDS_PER_UNIT = 25;
/** Values longer than this are shortened in the details (the JSON output has the paths). */
const MAX_VALUE_CHARS = 120;
/** At most this many changed lines of a multi-line text value are shown. */
const MAX_TEXT_LINES = 12;

/** One unit change as the Markdown and text renderers list it. */
export interface ChangeLine {
  readonly kind: UnitChange['kind'];
  /** `ClusterPolicy require-labels`, or `old → new` for a move. */
  readonly label: string;
  readonly fields: readonly FieldLine[];
  /** Fields not listed (over MAX_FIELDS_PER_UNIT). */
  readonly moreFields: number;
}

export interface FieldLine {
  readonly path: string;
  /** `a → b`, `added: b`, `removed: a`. */
  readonly summary: string;
  /** For a multi-line text value: its changed lines, `-`/`+` prefixed. */
  readonly textLines?: readonly string[];
}

export interface ComponentView {
  readonly component: string;
  readonly changes: readonly ChangeLine[];
}

/**
 * The details of one environment's unit changes, grouped by component (dist/k8s folder, stack).
 * Compliance results are summarised: counts of added and removed results by status, and the
 * results whose status changed, one line each; the report lists every result anyway.
 */
export function componentViews(changes: readonly UnitChange[]): ComponentView[] {
  const views = new Map<string, ChangeLine[]>();
  const compliance = changes.filter((c) => (c.head ?? c.base)?.engine === 'compliance') as UnitChange<ComplianceUnit>[];
  for (const change of changes) {
    const unit = change.head ?? change.base;
    if (unit === undefined || unit.engine === 'compliance') continue;
    const component = componentOf(unit);
    views.set(component, [...(views.get(component) ?? []), changeLine(change)]);
  }
  const out = [...views].map(([component, lines]) => ({ component, changes: lines }));
  if (compliance.length > 0) out.push({ component: 'compliance report', changes: complianceLines(compliance) });
  return out;
}

function changeLine(change: UnitChange): ChangeLine {
  const unit = change.head ?? change.base;
  const label = change.kind === 'moved' && change.base && change.head ? movedLabel(change.base, change.head, change.declaredMove === true) : unit ? unitLabel(unit) : '';
  const fields = change.fields.slice(0, MAX_FIELDS_PER_UNIT).map(fieldLine);
  return { kind: change.kind, label, fields, moreFields: Math.max(0, change.fields.length - MAX_FIELDS_PER_UNIT) };
}

function movedLabel(base: EstateUnit, head: EstateUnit, declared: boolean): string {
  const from = unitLabel(base);
  const to = unitLabel(head);
  const where = from === to ? `${from} (${base.file} → ${head.file})` : `${from} → ${to}`;
  return declared ? `${where} (moved block)` : where;
}

function complianceLines(changes: readonly UnitChange<ComplianceUnit>[]): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const tally = (kind: 'added' | 'removed'): void => {
    const byStatus = new Map<string, number>();
    for (const c of changes.filter((x) => x.kind === kind)) {
      const status = (c.head ?? c.base)?.status ?? '';
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
    if (byStatus.size === 0) return;
    const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
    const parts = [...byStatus].sort(([a], [b]) => compareText(a, b)).map(([status, n]) => `${n} ${status}`);
    lines.push({ kind, label: `${total} result${total === 1 ? '' : 's'} (${parts.join(', ')})`, fields: [], moreFields: 0 });
  };
  tally('added');
  tally('removed');
  for (const change of changes.filter((c) => c.kind === 'changed' || c.kind === 'moved')) {
    const { base, head } = change;
    if (!base || !head) continue;
    const status = base.status === head.status ? head.status : `${base.status} → ${head.status}`;
    const fields = change.fields.filter((f) => f.path !== 'status' && !f.path.startsWith('controls'));
    lines.push({
      kind: change.kind,
      label: `${unitLabel(head)}: ${status}`,
      fields: fields.slice(0, MAX_FIELDS_PER_UNIT).map(fieldLine),
      moreFields: Math.max(0, fields.length - MAX_FIELDS_PER_UNIT),
    });
  }
  return lines;
}

function fieldLine(field: FieldChange): FieldLine {
  const { before, after } = field;
  if (typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'))) {
    const lines = textLines(before, after);
    return {
      path: field.path,
      summary: `text changed (${lines.filter((l) => l.startsWith('+')).length} lines added, ${lines.filter((l) => l.startsWith('-')).length} removed)`,
      textLines: lines.slice(0, MAX_TEXT_LINES).concat(lines.length > MAX_TEXT_LINES ? [`… ${lines.length - MAX_TEXT_LINES} more changed lines`] : []),
    };
  }
  if (before === undefined) return { path: field.path, summary: `added: ${shortValue(after)}` };
  if (after === undefined) return { path: field.path, summary: `removed: ${shortValue(before)}` };
  if (typeof before === 'string' && typeof after === 'string' && (before.length > MAX_VALUE_CHARS || after.length > MAX_VALUE_CHARS)) {
    const [b, a] = changedSpans(before, after);
    return { path: field.path, summary: `${b} → ${a}` };
  }
  return { path: field.path, summary: `${shortValue(before)} → ${shortValue(after)}` };
}

/**
 * Two long one-line strings by the part that differs, with a little context: the Go templates of
 * an ApplicationSet differ in one branch among many, which a shortened start would hide.
 */
function changedSpans(before: string, after: string): [string, string] {
  const context = 24;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const span = (text: string): string => {
    const start = Math.max(0, prefix - context);
    const end = Math.min(text.length, text.length - suffix + context);
    const middle = text.slice(start, end);
    const shown = middle.length > MAX_VALUE_CHARS ? `${middle.slice(0, MAX_VALUE_CHARS - 1)}…` : middle;
    return JSON.stringify(`${start > 0 ? '…' : ''}${shown}${end < text.length ? '…' : ''}`);
  };
  return [span(before), span(after)];
}

/** Lines only in one of the texts (multiset), `-` then `+`, each side in its own order. */
function textLines(before: string, after: string): string[] {
  const count = (lines: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const b = before.split('\n');
  const a = after.split('\n');
  const inAfter = count(a);
  const inBefore = count(b);
  const removed = b.filter((l) => {
    const n = inAfter.get(l) ?? 0;
    if (n > 0) inAfter.set(l, n - 1);
    return n === 0;
  });
  const added = a.filter((l) => {
    const n = inBefore.get(l) ?? 0;
    if (n > 0) inBefore.set(l, n - 1);
    return n === 0;
  });
  return [...removed.map((l) => `- ${l}`), ...added.map((l) => `+ ${l}`)];
}

/** A value in one line: scalars as JSON, structures as compact JSON, shortened. */
export function shortValue(value: JsonValue | undefined): string {
  const text = typeof value === 'string' && !value.includes('\n') ? JSON.stringify(value) : canonicalJson(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
