import { complianceReportFiles } from '../../constructs/rules/report';
import { compareText, type RuleResult } from '../../constructs/rules/result';
import { reportResults, resultLines } from '../support/report-results';
import { CATALOGUE, manyResults, RESULTS, result } from './report-fixture';

const RESULT_FILES = /^results\/[a-z]+\.jsonl$/;

/** The paths and lines that differ between two reports (a line diff, as Git shows it on sorted lines). */
function changedLines(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): { path: string; removed: string[]; added: string[] }[] {
  return [...new Set([...before.keys(), ...after.keys()])].sort(compareText).flatMap((path) => {
    const a = resultLines(before.get(path) ?? '');
    const b = resultLines(after.get(path) ?? '');
    const removed = a.filter((line) => !b.includes(line));
    const added = b.filter((line) => !a.includes(line));
    return removed.length + added.length === 0 ? [] : [{ path, removed, added }];
  });
}

describe('complianceReportFiles: the results files', () => {
  const results = manyResults(900);
  const files = complianceReportFiles(results, CATALOGUE);
  const resultFiles = [...files].filter(([path]) => RESULT_FILES.test(path));

  it("holds every result exactly once, one per line, each in its environment's file", () => {
    expect(resultFiles.map(([path]) => path)).toEqual(['results/dev.jsonl', 'results/prod.jsonl', 'results/staging.jsonl']);
    const read = reportResults(files);
    expect(read).toHaveLength(results.length);
    const key = (r: Pick<RuleResult, 'environment' | 'unit' | 'path' | 'rule' | 'status' | 'field'>): string =>
      [r.environment, r.unit, r.path, r.rule, r.status, r.field ?? ''].join(' ');
    expect(read.map(key).sort(compareText)).toEqual(results.map(key).sort(compareText));
    for (const [path, text] of resultFiles) {
      const environment = path.slice('results/'.length, -'.jsonl'.length);
      expect(reportResults(new Map([[path, text]])).every((r) => r.environment === environment)).toBe(true);
    }
  });

  it("sorts each file by unit, resource, rule, path and field, so a unit's results are contiguous", () => {
    for (const [, text] of resultFiles) {
      const read = reportResults(new Map([['results/x.jsonl', text]]));
      const order = read.map((r) => [r.unit, r.resource, r.rule, r.path, r.field ?? '']);
      const sorted = [...order].sort((a, b) => a.map((part, i) => compareText(part, b[i] ?? '')).find((c) => c !== 0) ?? 0);
      expect(order).toEqual(sorted);
    }
  });

  it("writes a result with the report's keys and findings, and its controls only where they differ from its rule's", () => {
    const lines = resultLines(files.get('results/dev.jsonl')!);
    const suppressed = complianceReportFiles(RESULTS, CATALOGUE).get('results/dev.jsonl')!;
    expect(resultLines(suppressed)).toContain(
      JSON.stringify({
        environment: 'dev',
        engine: 'terraform',
        unit: 'azure-network',
        resource: 'azurerm_virtual_network.vnet',
        path: 'dev/azurerm_virtual_network.vnet',
        rule: 'tf-network-flow-logs',
        level: 'error',
        status: 'suppressed',
        field: 'azurerm_network_watcher_flow_log.target_resource_id',
        value: 'missing',
        problem: 'the virtual network has no enabled flow log',
        fix: 'add a flow log',
        suppression: { reason: 'VNet flow logs are not GA in westeurope yet', expires: '2026-06-30' },
      }),
    );
    expect(lines.every((line) => !line.includes('"controls"'))).toBe(true);
    const remapped = { soc2: ['CC9.9'], pciDss: [], iso27001: [], gdpr: [] };
    const odd = result({ environment: 'dev', rule: 'tf-budget-alerts', resource: 'b', status: 'pass', controls: remapped });
    expect(complianceReportFiles([odd], CATALOGUE).get('results/dev.jsonl')).toContain(`"controls":${JSON.stringify(remapped)}`);
  });

  it('shows a result that changes as a one-line diff of its file, and the others unchanged', () => {
    const changed = results.map((r, i) =>
      i === 500 ? { ...r, status: 'fail' as const, field: 'versioning', value: 'Suspended', problem: 'versioning is off', fix: 'enable it', suppression: undefined } : r,
    );
    const diff = changedLines(files, complianceReportFiles(changed, CATALOGUE)).filter(({ path }) => RESULT_FILES.test(path));
    expect(diff).toEqual([
      { path: `results/${results[500]!.environment}.jsonl`, removed: [expect.any(String)], added: [expect.stringContaining('"problem":"versioning is off"')] },
    ]);
  });

  it("adds a new unit's results as one contiguous block of lines", () => {
    const added = ['a', 'b', 'c'].map((name) =>
      result({ environment: 'prod', rule: 'tf-storage-versioning', resource: `aws_s3_bucket.${name}`, unit: 'stack-17x', status: 'pass' }),
    );
    const before = resultLines(files.get('results/prod.jsonl')!);
    const after = resultLines(complianceReportFiles([...results, ...added], CATALOGUE).get('results/prod.jsonl')!);
    const first = after.findIndex((line) => !before.includes(line));
    expect(after.slice(first, first + added.length).every((line) => line.includes('"unit":"stack-17x"'))).toBe(true);
    expect([...after.slice(0, first), ...after.slice(first + added.length)]).toEqual(before);
  });
});
