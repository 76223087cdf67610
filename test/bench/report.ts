import { formatBytes, formatSeconds, resultOf, type ScenarioResult } from './scenario-result';
import { spread } from './statistics';
import { checkTargets } from './targets';

/** A Markdown table: a header row, its alignment row, then the rows. */
function markdownTable(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** One row per scenario: runs, median and range of the wall time, median CPU time, and the highest peak memory of its runs. */
export function timingsTable(results: readonly ScenarioResult[]): string {
  return markdownTable(
    ['Scenario', 'Runs', 'Median', 'Range', 'CPU time (median)', 'Peak memory'],
    ['l', 'r', 'r', 'r', 'r', 'r'],
    results.map((r) => {
      const { median, min, max } = spread(r.seconds);
      return [
        r.title,
        String(r.seconds.length),
        formatSeconds(median),
        `${min.toFixed(2)}–${max.toFixed(2)} s`,
        formatSeconds(spread(r.cpuSeconds).median),
        formatBytes(Math.max(...r.maxRssBytes)),
      ];
    }),
  );
}

/** A ratio of two medians, when both scenarios ran. */
interface Ratio {
  readonly name: string;
  readonly value: number;
}

function ratio(name: string, numerator: ScenarioResult | undefined, denominator: ScenarioResult | undefined): Ratio[] {
  if (numerator === undefined || denominator === undefined) return [];
  return [{ name, value: spread(numerator.seconds).median / spread(denominator.seconds).median }];
}

/** The ratios of medians that say how synth compares and scales: those whose scenarios ran. */
export function ratios(results: readonly ScenarioResult[]): Ratio[] {
  const fleetSizes = results.filter((r) => r.kind === 'fleet').map((r) => r.clusters ?? 0);
  const smallest = Math.min(...fleetSizes);
  const largest = Math.max(...fleetSizes);
  return [
    ...ratio('Standard CLIs / reference estate, clean', resultOf(results, 'standard-clis'), resultOf(results, 'reference')),
    ...ratio('Reference estate: warm cache / clean', resultOf(results, 'reference-cached'), resultOf(results, 'reference')),
    ...(largest > smallest
      ? ratio(
          `Fleet ${largest} clean / fleet ${smallest} clean (${(largest / smallest).toFixed(1)}x the clusters)`,
          resultOf(results, 'fleet', largest),
          resultOf(results, 'fleet', smallest),
        )
      : []),
    ...results.filter((r) => r.kind === 'fleet-edit').flatMap((edit) => ratio(`Fleet ${edit.clusters}: one-cluster edit / clean`, edit, resultOf(results, 'fleet', edit.clusters))),
  ];
}

/** The whole report: timings, ratios and the targets, as Markdown the README can show. */
export function benchReport(results: readonly ScenarioResult[]): string {
  const ratioRows = ratios(results).map((r) => [r.name, `${r.value.toFixed(2)}x`]);
  const targetRows = checkTargets(results).map((t) => [t.target, t.measured ?? '—', t.met === undefined ? 'not measured' : t.met ? 'met' : 'not met']);
  return [
    timingsTable(results),
    '',
    ...(ratioRows.length > 0 ? [markdownTable(['Ratio of medians', 'Value'], ['l', 'r'], ratioRows), ''] : []),
    markdownTable(['Target (issue 14)', 'Measured', 'Status'], ['l', 'r', 'l'], targetRows),
  ].join('\n');
}
