import type { CatalogueEntry } from './catalogue';
import { reportMarkdown } from './report-markdown';
import { REPORT_JSON, REPORT_MARKDOWN, resultsFileOf } from './report-paths';
import { resultFiles, resultJson } from './report-result-lines';
import { reportTotals } from './report-totals';
import { compareText, type RuleResult, sortResults } from './result';

export { compareNatural, FRAMEWORKS } from './report-frameworks';
export { REPORT_JSON, REPORT_MARKDOWN, RESULTS_EXTENSION, RESULTS_FOLDER, resultsFileOf } from './report-paths';

/**
 * Every file of the compliance report, by path relative to the compliance folder (dist/compliance),
 * sized for a fleet: the entry points stay small, the results diff line by line.
 * - report.json, machine-readable: totals overall, per environment (with the path of its results
 *   file, relative to report.json) and per framework and control, every failure and suppression
 *   (report order: environment, rule, resource), and the rule catalogue;
 * - report.md, for reviewers and auditors: the same totals, failures and suppressions as tables,
 *   then the controls and the catalogue (reportMarkdown);
 * - results/<env>.jsonl: every result of the environment, one per line (resultFiles).
 * Deterministic: the same results in any order give the same bytes; no timestamps or machine paths.
 * `rules` is the catalogue (`ruleCatalogue()`), printed sorted by id.
 */
export function complianceReportFiles(results: readonly RuleResult[], rules: readonly CatalogueEntry[]): ReadonlyMap<string, string> {
  const catalogue = [...rules].sort((a, b) => compareText(a.id, b.id));
  const totals = reportTotals(results, catalogue);
  const failures = sortResults(results.filter((r) => r.status === 'fail'));
  const suppressions = sortResults(results.filter((r) => r.status === 'suppressed'));
  const document = {
    summary: totals.summary,
    environments: totals.environments.map((e) => ({ ...e, resultsFile: resultsFileOf(e.environment) })),
    frameworks: totals.frameworks,
    failures: failures.map(resultJson),
    suppressions: suppressions.map(resultJson),
    rules: catalogue,
  };
  return new Map([
    [REPORT_JSON, `${JSON.stringify(document, null, 2)}\n`],
    [REPORT_MARKDOWN, reportMarkdown({ totals, failures, suppressions, catalogue })],
    ...resultFiles(results, catalogue),
  ]);
}
