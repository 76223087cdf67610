import { canonicalJson, isJsonObject } from '../../canonical-json';
import type { JsonValue } from '../../estate-unit';
import { at, listAt, stringAt, stringsAt } from '../json-values';

/** An AppProject sync window (argo-cd v2.13.2 pkg/apis/application/v1alpha1/types.go, SyncWindow). */
export interface SyncWindow {
  readonly kind: string;
  readonly schedule: string;
  readonly duration: string;
  readonly timeZone: string;
  readonly manualSync: boolean;
  /** The lists a window matches an Application by (SyncWindows.Matches: name, destination cluster, destination namespace; globs). */
  readonly selectors: { readonly applications: readonly string[]; readonly namespaces: readonly string[]; readonly clusters: readonly string[] };
  readonly canonical: string;
}

export const SELECTOR_FIELDS = ['applications', 'namespaces', 'clusters'] as const;
export type SelectorField = (typeof SELECTOR_FIELDS)[number];

export function syncWindows(project: JsonValue | undefined): SyncWindow[] {
  return listAt(project, 'spec', 'syncWindows').flatMap((window) =>
    isJsonObject(window)
      ? [
          {
            kind: stringAt(window, 'kind') ?? '',
            schedule: stringAt(window, 'schedule') ?? '',
            duration: stringAt(window, 'duration') ?? '',
            // SyncWindow.Validate defaults an empty time zone to UTC.
            timeZone: stringAt(window, 'timeZone') || 'UTC',
            manualSync: at(window, 'manualSync') === true,
            selectors: { applications: stringsAt(window, 'applications'), namespaces: stringsAt(window, 'namespaces'), clusters: stringsAt(window, 'clusters') },
            canonical: canonicalJson(window),
          },
        ]
      : [],
  );
}

/**
 * A Go duration (`8h`, `1h30m`, `90m`, `1.5h`) in seconds, as time.ParseDuration reads the window's
 * duration; undefined when it does not parse (Argo CD then treats the windows as invalid).
 */
export function durationSeconds(text: string): number | undefined {
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  if (!/^([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(/([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
  return total;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => canonicalJson([...a].sort()) === canonicalJson([...b].sort());
export const sameSelectors = (a: SyncWindow, b: SyncWindow): boolean => SELECTOR_FIELDS.every((field) => sameList(a.selectors[field], b.selectors[field]));
const sameTiming = (a: SyncWindow, b: SyncWindow): boolean => a.schedule === b.schedule && a.timeZone === b.timeZone;

/**
 * The windows of two revisions matched up. Windows have no name: an unchanged window matches
 * itself; a changed one is the window of the same kind that kept its selectors (its timing
 * changed), else its schedule (its scope changed), else any left of that kind (replaced). What is
 * left was removed or added.
 */
export function pairWindows(
  before: readonly SyncWindow[],
  after: readonly SyncWindow[],
): { readonly changed: readonly (readonly [SyncWindow, SyncWindow])[]; readonly removed: readonly SyncWindow[]; readonly added: readonly SyncWindow[] } {
  const removed = [...before];
  const added = [...after];
  const changed: (readonly [SyncWindow, SyncWindow])[] = [];
  /** Pairs each window left of `removed` with the first window left of `added` that `matches` it, taking both out. */
  const pairBy = (matches: (was: SyncWindow, is: SyncWindow) => boolean): (readonly [SyncWindow, SyncWindow])[] => {
    const pairs: (readonly [SyncWindow, SyncWindow])[] = [];
    for (const was of [...removed]) {
      const is = added.find((candidate) => matches(was, candidate));
      if (is === undefined) continue;
      added.splice(added.indexOf(is), 1);
      removed.splice(removed.indexOf(was), 1);
      pairs.push([was, is]);
    }
    return pairs;
  };
  pairBy((was, is) => was.canonical === is.canonical);
  changed.push(...pairBy((was, is) => was.kind === is.kind && sameSelectors(was, is)));
  changed.push(...pairBy((was, is) => was.kind === is.kind && sameTiming(was, is)));
  changed.push(...pairBy((was, is) => was.kind === is.kind));
  return { changed, removed, added };
}

/** A window in a phrase: `allow window "0 8 * * 1-4" for 8h (Europe/Berlin) on applications *`. */
export function describeWindow(window: SyncWindow): string {
  const scope = SELECTOR_FIELDS.filter((field) => window.selectors[field].length > 0)
    .map((field) => `${field} ${window.selectors[field].join(', ')}`)
    .join('; ');
  return `${window.kind} window "${window.schedule}" for ${window.duration} (${window.timeZone}) on ${scope || 'nothing'}`;
}

const matchesEverything = (window: SyncWindow): boolean => SELECTOR_FIELDS.some((field) => window.selectors[field].includes('*'));

/** Whether some window of `windows` may match an Application `window` matches: a shared selector entry, or a `*` in any list. */
export function overlaps(window: SyncWindow, windows: readonly SyncWindow[]): boolean {
  return windows.some(
    (other) =>
      matchesEverything(other) || matchesEverything(window) || SELECTOR_FIELDS.some((field) => window.selectors[field].some((entry) => other.selectors[field].includes(entry))),
  );
}

/** The selector entries of `window` that no window of `others` lists under the same field or covers with a `*` (which matches every Application). */
export function uncoveredEntries(window: SyncWindow, others: readonly SyncWindow[], fields: readonly SelectorField[] = SELECTOR_FIELDS): string[] {
  return fields.flatMap((field) =>
    window.selectors[field].filter((entry) => !others.some((other) => matchesEverything(other) || other.selectors[field].includes(entry))).map((entry) => `${field} ${entry}`),
  );
}
