import type { CatalogueEntry } from './catalogue';
import { compareNatural, FRAMEWORKS, sameControls } from './report-frameworks';
import { compareText, type RuleResult, type RuleStatus } from './result';
import type { RuleControls } from './spec-rule';

export interface Counts {
  readonly results: number;
  readonly pass: number;
  readonly fail: number;
  readonly failErrors: number;
  readonly failWarnings: number;
  readonly suppressed: number;
}

export interface EnvironmentTotals extends Counts {
  readonly environment: string;
}

interface StatusCounts {
  readonly pass: number;
  readonly fail: number;
  readonly suppressed: number;
}

export interface ControlTotals extends StatusCounts {
  readonly control: string;
  /** The catalogue's rules mapped to the control, by id. */
  readonly rules: readonly string[];
}

export interface FrameworkTotals extends StatusCounts {
  readonly framework: string;
  /** Every control of the framework some rule of the catalogue maps to, in natural order. */
  readonly controlsCovered: readonly string[];
  /** Results whose controls name the framework at all. */
  readonly results: number;
  readonly controls: readonly ControlTotals[];
}

export interface ReportTotals {
  readonly summary: Counts;
  /** Sorted by environment. */
  readonly environments: readonly EnvironmentTotals[];
  /** In the order of FRAMEWORKS. */
  readonly frameworks: readonly FrameworkTotals[];
}

type Tally = { -readonly [K in keyof Counts]: number };

const emptyTally = (): Tally => ({ results: 0, pass: 0, fail: 0, failErrors: 0, failWarnings: 0, suppressed: 0 });

/**
 * The report's totals in time linear in the results (at 500 clusters there are tens of thousands):
 * one pass counts them per environment and per rule; framework and control totals then add up the
 * rules' counts under the controls the results carry. `catalogue`
 * (sorted by id) says which controls each framework covers and which rules map to each.
 */
export function reportTotals(results: readonly RuleResult[], catalogue: readonly CatalogueEntry[]): ReportTotals {
  const summary = emptyTally();
  const byEnvironment = new Map<string, Tally>();
  // By rule, then by the controls its results carry: one group per rule, unless results of a rule
  // disagree on their controls (each group is then counted under its own).
  const byRule = new Map<string, ControlsGroup[]>();
  for (const result of results) {
    for (const tally of [summary, tallyOf(byEnvironment, result.environment), groupOf(byRule, result)]) add(tally, result);
  }
  const groups = [...byRule.values()].flat();
  return {
    summary,
    environments: [...byEnvironment].sort(([a], [b]) => compareText(a, b)).map(([environment, counts]) => ({ environment, ...counts })),
    frameworks: FRAMEWORKS.map((framework) => frameworkTotals(framework, catalogue, groups)),
  };
}

interface ControlsGroup {
  readonly controls: RuleControls;
  readonly tally: Tally;
}

/** The tally of the result's rule and controls, a new one the first time. */
function groupOf(byRule: Map<string, ControlsGroup[]>, result: RuleResult): Tally {
  const groups = byRule.get(result.rule) ?? [];
  if (groups.length === 0) byRule.set(result.rule, groups);
  for (const group of groups) if (sameControls(group.controls, result.controls)) return group.tally;
  const group = { controls: result.controls, tally: emptyTally() };
  groups.push(group);
  return group.tally;
}

/** The tally of `key`, a new one the first time. */
function tallyOf<K>(tallies: Map<K, Tally>, key: K): Tally {
  const found = tallies.get(key);
  if (found !== undefined) return found;
  const tally = emptyTally();
  tallies.set(key, tally);
  return tally;
}

function add(tally: Tally, result: RuleResult): void {
  tally.results += 1;
  if (result.status === 'pass') tally.pass += 1;
  else if (result.status === 'suppressed') tally.suppressed += 1;
  else {
    tally.fail += 1;
    if (result.level === 'error') tally.failErrors += 1;
    else tally.failWarnings += 1;
  }
}

function frameworkTotals(framework: (typeof FRAMEWORKS)[number], catalogue: readonly CatalogueEntry[], groups: readonly ControlsGroup[]): FrameworkTotals {
  const rulesByControl = new Map<string, string[]>();
  for (const rule of catalogue) {
    for (const control of new Set(rule.controls[framework.key])) {
      const rules = rulesByControl.get(control);
      if (rules === undefined) rulesByControl.set(control, [rule.id]);
      else rules.push(rule.id);
    }
  }
  const mapped = emptyTally();
  const byControl = new Map<string, Tally>();
  for (const { controls, tally } of groups) {
    // A result counts once per control, however often its list names it.
    const own = new Set(controls[framework.key]);
    if (own.size > 0) merge(mapped, tally);
    for (const control of own) merge(tallyOf(byControl, control), tally);
  }
  const controlsCovered = [...rulesByControl.keys()].sort(compareNatural);
  return {
    framework: framework.name,
    controlsCovered,
    results: mapped.results,
    ...statusCounts(mapped),
    controls: controlsCovered.map((control) => ({ control, rules: rulesByControl.get(control) ?? [], ...statusCounts(byControl.get(control) ?? emptyTally()) })),
  };
}

function merge(into: Tally, from: Counts): void {
  for (const key of Object.keys(into) as (keyof Counts)[]) into[key] += from[key];
}

function statusCounts(tally: Counts): StatusCounts {
  return { pass: tally.pass, fail: tally.fail, suppressed: tally.suppressed } satisfies Record<RuleStatus, number>;
}
