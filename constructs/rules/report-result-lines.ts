import type { CatalogueEntry } from './catalogue';
import { sameControls } from './report-frameworks';
import { resultsFileOf } from './report-paths';
import { compareText, type RuleResult } from './result';

/** A result with its keys in one fixed order, optional parts only when present. */
export function resultJson(r: RuleResult): Record<string, unknown> {
  return {
    environment: r.environment,
    engine: r.engine,
    unit: r.unit,
    resource: r.resource,
    path: r.path,
    rule: r.rule,
    level: r.level,
    status: r.status,
    ...(r.field === undefined ? {} : { field: r.field }),
    ...(r.value === undefined ? {} : { value: r.value }),
    ...(r.problem === undefined ? {} : { problem: r.problem }),
    ...(r.fix === undefined ? {} : { fix: r.fix }),
    ...(r.suppression === undefined ? {} : { suppression: { reason: r.suppression.reason, expires: r.suppression.expires } }),
    controls: r.controls,
  };
}

/**
 * Every result, in one JSON Lines file per environment (`results/<env>.jsonl`), so that the full
 * results diff well at any size:
 * - one result per line (compact JSON, keys in a fixed order): a result that changes is a one-line diff;
 * - per environment, not per environment and unit: a few files rather than one per stack and
 *   component (thousands at 500 clusters, each a file to write and a Git object), and unit names are
 *   not file names (a spec check's unit is `environments/prod.ts`); environment names are DNS labels;
 * - sorted by unit, resource, rule, path and field (then the whole line, so any input order gives the
 *   same bytes): a stack or component added, removed or changed is one contiguous hunk, where the
 *   report's own order (rule first) would scatter it over every rule;
 * - a result's `controls` only where they differ from its rule's in the catalogue (report.json's
 *   `rules`): repeated on every line they would be most of the bytes, and a change of a rule's
 *   mapping would rewrite every line of the rule instead of one entry of the catalogue.
 */
export function resultFiles(results: readonly RuleResult[], catalogue: readonly CatalogueEntry[]): Map<string, string> {
  const ruleControls = new Map(catalogue.map((rule) => [rule.id, rule.controls]));
  const byEnvironment = new Map<string, { readonly result: RuleResult; readonly line: string }[]>();
  for (const result of results) {
    const json = resultJson(result);
    const { controls: _ofTheRule, ...withoutControls } = json;
    const ofTheRule = ruleControls.get(result.rule);
    const line = JSON.stringify(ofTheRule !== undefined && sameControls(ofTheRule, result.controls) ? withoutControls : json);
    const lines = byEnvironment.get(result.environment) ?? [];
    if (lines.length === 0) byEnvironment.set(result.environment, lines);
    lines.push({ result, line });
  }
  const files = new Map<string, string>();
  for (const environment of [...byEnvironment.keys()].sort(compareText)) {
    const lines = (byEnvironment.get(environment) ?? []).sort((a, b) => compareLines(a.result, b.result) || compareText(a.line, b.line));
    files.set(resultsFileOf(environment), lines.map((l) => `${l.line}\n`).join(''));
  }
  return files;
}

function compareLines(a: RuleResult, b: RuleResult): number {
  return (
    compareText(a.unit, b.unit) || compareText(a.resource, b.resource) || compareText(a.rule, b.rule) || compareText(a.path, b.path) || compareText(a.field ?? '', b.field ?? '')
  );
}
