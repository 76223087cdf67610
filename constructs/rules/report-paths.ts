/**
 * The files of the compliance report, relative to its folder (dist/compliance): two entry points
 * with the totals, failures and suppressions, and the full results in one JSON Lines file per
 * environment. `npm run diff` reads results from these paths (apps/diff/read/dist-path.ts).
 */
export const REPORT_JSON = 'report.json';
export const REPORT_MARKDOWN = 'report.md';
export const RESULTS_FOLDER = 'results';
export const RESULTS_EXTENSION = '.jsonl';

/** `results/<env>.jsonl`: every result of the environment, one per line. */
export function resultsFileOf(environment: string): string {
  return `${RESULTS_FOLDER}/${environment}${RESULTS_EXTENSION}`;
}
