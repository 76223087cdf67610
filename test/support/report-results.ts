import { RESULTS_EXTENSION, RESULTS_FOLDER } from '../../constructs/rules/report-paths';
import { compareText, type RuleResult } from '../../constructs/rules/result';

/** A result as a line of results/<env>.jsonl holds it: `controls` only where they differ from its rule's. */
export type ReportedResult = Omit<RuleResult, 'controls'> & { readonly controls?: RuleResult['controls'] };

/**
 * Every result of a compliance report, read from its result files, in file order. `folder` is where
 * the report lies among the paths of `files`: '' for complianceReportFiles, `compliance/` for synth.
 */
export function reportResults(files: ReadonlyMap<string, string>, folder = ''): ReportedResult[] {
  const prefix = `${folder}${RESULTS_FOLDER}/`;
  return [...files]
    .filter(([path]) => path.startsWith(prefix) && path.endsWith(RESULTS_EXTENSION))
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([, text]) => resultLines(text).map((line) => JSON.parse(line) as ReportedResult));
}

/** The lines of a results file: every line ends with a newline, none is empty. */
export function resultLines(text: string): string[] {
  if (text !== '' && !text.endsWith('\n')) throw new Error('a results file ends with a newline');
  return text === '' ? [] : text.slice(0, -1).split('\n');
}
