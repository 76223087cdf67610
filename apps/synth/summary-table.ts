import type { SummaryRow } from './synthesize';

/** The table `npm run synth` ends with: one row per component or stack, then the totals. */
export function summaryTable(rows: readonly SummaryRow[], seconds: number): string {
  const header = ['environment', 'engine', 'component/stack', 'files', 'resources'];
  const body = rows.map((r) => [r.environment, r.engine, r.unit, String(r.files), String(r.resources)]);
  const total = (f: (r: SummaryRow) => number): string => String(rows.reduce((n, r) => n + f(r), 0));
  const footer = ['total', '', `${rows.length} units`, total((r) => r.files), total((r) => r.resources)];
  const table = [header, ...body, footer];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (i >= 3 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line), rule, line(footer), `synthesized in ${seconds.toFixed(2)} s`].join('\n');
}
