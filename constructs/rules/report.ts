import type { CatalogueEntry } from './catalogue';
import { compareText, type RuleResult, sortResults } from './result';
import type { RuleControls } from './spec-rule';

/** The frameworks of the report, in column order, with the key of their controls in `RuleControls`. */
export const FRAMEWORKS: readonly { readonly key: keyof RuleControls; readonly name: string }[] = [
  { key: 'soc2', name: 'SOC 2' },
  { key: 'pciDss', name: 'PCI DSS v4.0' },
  { key: 'iso27001', name: 'ISO 27001:2022' },
  { key: 'gdpr', name: 'GDPR' },
];

export interface ComplianceReport {
  /** Machine-readable: summary, per environment and framework totals, findings, every result, the catalogue. */
  readonly json: string;
  /** For reviewers of a PR: summary tables, failures, suppressions, then the full matrix per environment. */
  readonly markdown: string;
}

interface Counts {
  readonly results: number;
  readonly pass: number;
  readonly fail: number;
  readonly failErrors: number;
  readonly failWarnings: number;
  readonly suppressed: number;
}

/**
 * The compliance report of a set of results. Deterministic: results sorted by environment, rule
 * and resource; controls in natural order; no timestamps or machine paths. `rules` is the
 * catalogue (`ruleCatalogue()`), printed sorted by id.
 */
export function complianceReport(results: readonly RuleResult[], rules: readonly CatalogueEntry[]): ComplianceReport {
  const sorted = sortResults(results);
  const catalogue = [...rules].sort((a, b) => compareText(a.id, b.id));
  const environments = [...new Set(sorted.map((r) => r.environment))].sort(compareText);
  const byEnvironment = environments.map((environment) => ({ environment, ...countsOf(sorted.filter((r) => r.environment === environment)) }));
  const frameworks = FRAMEWORKS.map((framework) => frameworkTotals(framework, catalogue, sorted));
  const failures = sorted.filter((r) => r.status === 'fail');
  const suppressions = sorted.filter((r) => r.status === 'suppressed');

  const document = {
    summary: countsOf(sorted),
    environments: byEnvironment,
    frameworks,
    failures: failures.map(resultJson),
    suppressions: suppressions.map(resultJson),
    results: sorted.map(resultJson),
    rules: catalogue,
  };
  const json = `${JSON.stringify(document, null, 2)}\n`;

  const markdown = [
    '# Compliance report',
    '',
    '## Summary',
    '',
    table(
      ['Environment', 'Results', 'Pass', 'Fail (error)', 'Fail (warning)', 'Suppressed'],
      [...byEnvironment.map((e) => [e.environment, e.results, e.pass, e.failErrors, e.failWarnings, e.suppressed]), ['**all**', ...countRow(countsOf(sorted))]],
    ),
    '',
    table(
      ['Framework', 'Controls covered', 'Results', 'Pass', 'Fail', 'Suppressed'],
      frameworks.map((f) => [f.framework, f.controlsCovered.length, f.results, f.pass, f.fail, f.suppressed]),
    ),
    '',
    `## Failures (${failures.length})`,
    '',
    failures.length === 0
      ? 'None.'
      : table(
          ['Environment', 'Level', 'Rule', 'Unit', 'Resource', 'Field', 'Value', 'Problem', 'Fix'],
          failures.map((r) => [r.environment, r.level, r.rule, r.unit, r.resource, r.field ?? '', r.value ?? '', r.problem ?? '', r.fix ?? '']),
        ),
    '',
    `## Suppressions (${suppressions.length})`,
    '',
    suppressions.length === 0
      ? 'None.'
      : table(
          ['Environment', 'Rule', 'Unit', 'Resource', 'Reason', 'Expires'],
          suppressions.map((r) => [r.environment, r.rule, r.unit, r.resource, r.suppression?.reason ?? '', r.suppression?.expires ?? '']),
        ),
    '',
    '## Results by environment',
    ...environments.flatMap((environment) => [
      '',
      `### ${environment}`,
      '',
      table(
        ['Rule', 'Level', 'Unit', 'Resource', 'Status'],
        sorted.filter((r) => r.environment === environment).map((r) => [r.rule, r.level, r.unit, r.resource, r.status]),
      ),
    ]),
    '',
    '## Controls',
    ...frameworks.flatMap((f) => [
      '',
      `### ${f.framework}`,
      '',
      table(
        ['Control', 'Rules', 'Pass', 'Fail', 'Suppressed'],
        f.controls.map((c) => [c.control, c.rules.join(', '), c.pass, c.fail, c.suppressed]),
      ),
    ]),
    '',
    '## Rule catalogue',
    '',
    table(
      ['Rule', 'Engine', 'Level', 'Tiers', 'Title', ...FRAMEWORKS.map((f) => f.name)],
      catalogue.map((rule) => [
        rule.id,
        rule.engine,
        rule.level,
        rule.tiers === 'all' ? 'all' : rule.tiers.join(', '),
        rule.title,
        ...FRAMEWORKS.map((f) => rule.controls[f.key].join(', ')),
      ]),
    ),
    '',
    ...catalogue.map((rule) => `- **${rule.id}**: ${cell(rule.rationale)}`),
    '',
  ].join('\n');

  return { json, markdown };
}

function countsOf(results: readonly RuleResult[]): Counts {
  const failing = results.filter((r) => r.status === 'fail');
  return {
    results: results.length,
    pass: results.filter((r) => r.status === 'pass').length,
    fail: failing.length,
    failErrors: failing.filter((r) => r.level === 'error').length,
    failWarnings: failing.filter((r) => r.level === 'warning').length,
    suppressed: results.filter((r) => r.status === 'suppressed').length,
  };
}

function countRow(c: Counts): number[] {
  return [c.results, c.pass, c.failErrors, c.failWarnings, c.suppressed];
}

function frameworkTotals(framework: (typeof FRAMEWORKS)[number], catalogue: readonly CatalogueEntry[], results: readonly RuleResult[]) {
  const controlsCovered = [...new Set(catalogue.flatMap((rule) => rule.controls[framework.key]))].sort(compareNatural);
  const mapped = results.filter((r) => r.controls[framework.key].length > 0);
  const controls = controlsCovered.map((control) => {
    const rules = catalogue.filter((rule) => rule.controls[framework.key].includes(control)).map((rule) => rule.id);
    const ofControl = results.filter((r) => r.controls[framework.key].includes(control));
    return { control, rules, pass: count(ofControl, 'pass'), fail: count(ofControl, 'fail'), suppressed: count(ofControl, 'suppressed') };
  });
  return {
    framework: framework.name,
    controlsCovered,
    results: mapped.length,
    pass: count(mapped, 'pass'),
    fail: count(mapped, 'fail'),
    suppressed: count(mapped, 'suppressed'),
    controls,
  };
}

function count(results: readonly RuleResult[], status: RuleResult['status']): number {
  return results.filter((r) => r.status === status).length;
}

/** A result with its keys in one fixed order, optional parts only when present. */
function resultJson(r: RuleResult): Record<string, unknown> {
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
 * Natural order of control ids (`A.8.2` before `A.8.15`, `Art. 5(1)(f)` before `Art. 25`),
 * independent of locale.
 */
export function compareNatural(a: string, b: string): number {
  const parts = (s: string): (string | number)[] => s.split(/(\d+)/).map((p, i) => (i % 2 === 1 ? Number(p) : p));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    if (order !== 0) return order;
  }
  return 0;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]): string => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Text safe inside a table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
