import type { CatalogueEntry } from './catalogue';
import { FRAMEWORKS } from './report-frameworks';
import { resultsFileOf } from './report-paths';
import type { Counts, ReportTotals } from './report-totals';
import type { RuleResult } from './result';

export interface MarkdownInput {
  readonly totals: ReportTotals;
  /** In report order. */
  readonly failures: readonly RuleResult[];
  readonly suppressions: readonly RuleResult[];
  /** Sorted by id. */
  readonly catalogue: readonly CatalogueEntry[];
}

/**
 * report.md, for the reviewer of a PR and the auditor: totals per environment and framework,
 * failures and suppressions, the controls and the rule catalogue; each environment's row links its
 * full results. The report no longer prints every result as a table per environment: at 500
 * clusters that is hundreds of thousands of rows no Markdown viewer renders, every column of it is
 * on the result's line in results/<env>.jsonl, and a change of results is what `npm run diff` shows.
 */
export function reportMarkdown({ totals, failures, suppressions, catalogue }: MarkdownInput): string {
  return [
    '# Compliance report',
    '',
    '## Summary',
    '',
    table(
      ['Environment', 'Results', 'Pass', 'Fail (error)', 'Fail (warning)', 'Suppressed', 'Every result'],
      [
        ...totals.environments.map((e) => [e.environment, ...countRow(e), `[${resultsFileOf(e.environment)}](${resultsFileOf(e.environment)})`]),
        ['**all**', ...countRow(totals.summary), ''],
      ],
    ),
    '',
    table(
      ['Framework', 'Controls covered', 'Results', 'Pass', 'Fail', 'Suppressed'],
      totals.frameworks.map((f) => [f.framework, f.controlsCovered.length, f.results, f.pass, f.fail, f.suppressed]),
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
    '## Controls',
    ...totals.frameworks.flatMap((f) => [
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
}

function countRow(c: Counts): number[] {
  return [c.results, c.pass, c.failErrors, c.failWarnings, c.suppressed];
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]): string => `| ${cells.map((c) => cell(String(c))).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Text safe inside a table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
