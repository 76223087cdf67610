import { compareNatural, complianceReportFiles, FRAMEWORKS } from '../../constructs/rules/report';
import { SUPPRESSION_RULE } from '../../constructs/rules/suppressions';
import { CATALOGUE, controlsOf, RESULTS, RULES } from './report-fixture';

interface ReportJson {
  summary: Record<string, number>;
  environments: { environment: string; pass: number; fail: number; suppressed: number; resultsFile: string }[];
  frameworks: {
    framework: string;
    controlsCovered: string[];
    results: number;
    pass: number;
    fail: number;
    suppressed: number;
    controls: { control: string; rules: string[]; fail: number }[];
  }[];
  failures: { rule: string; resource: string }[];
  suppressions: { rule: string; suppression: { reason: string; expires: string } }[];
  rules: { id: string }[];
}

describe('complianceReportFiles: the entry points', () => {
  const files = complianceReportFiles(RESULTS, CATALOGUE);
  const json = JSON.parse(files.get('report.json')!) as ReportJson;
  const markdown = files.get('report.md')!;

  it('writes report.json and report.md, and one results file per environment', () => {
    expect([...files.keys()]).toEqual(['report.json', 'report.md', 'results/dev.jsonl', 'results/prod.jsonl']);
  });

  it('is deterministic: the same results in any order give the same files', () => {
    const reversed = complianceReportFiles([...RESULTS].reverse(), [...CATALOGUE].reverse());
    expect([...reversed]).toEqual([...files]);
    for (const [path, text] of files) expect({ path, timestamp: /\d{4}-\d{2}-\d{2}T/.test(text) }).toEqual({ path, timestamp: false });
  });

  it('puts totals, failures and suppressions first, then the catalogue, and every result only in the results files', () => {
    expect(Object.keys(json)).toEqual(['summary', 'environments', 'frameworks', 'failures', 'suppressions', 'rules']);
    // The passing results are counted, not listed.
    expect(files.get('report.json')).not.toContain('aws_s3_bucket.state');
    expect(markdown).not.toContain('aws_s3_bucket.state');
    expect(files.get('results/prod.jsonl')).toContain('aws_s3_bucket.state');
  });

  it("totals results overall and per environment, telling errors from warnings, with the path of each environment's results file", () => {
    expect(json.summary).toEqual({ results: 5, pass: 2, fail: 2, failErrors: 1, failWarnings: 1, suppressed: 1 });
    expect(json.environments).toEqual([
      { environment: 'dev', results: 3, pass: 1, fail: 1, failErrors: 0, failWarnings: 1, suppressed: 1, resultsFile: 'results/dev.jsonl' },
      { environment: 'prod', results: 2, pass: 1, fail: 1, failErrors: 1, failWarnings: 0, suppressed: 0, resultsFile: 'results/prod.jsonl' },
    ]);
    // Relative to report.json: its folder holds them.
    for (const { resultsFile } of json.environments) expect(files.has(resultsFile)).toBe(true);
  });

  it('totals each framework over the results of rules mapped to it, with the controls the catalogue covers', () => {
    expect(json.frameworks.map((f) => f.framework)).toEqual(FRAMEWORKS.map((f) => f.name));
    const pci = json.frameworks.find((f) => f.framework === 'PCI DSS v4.0')!;
    // tf-budget-alerts and tf-storage-versioning map to no PCI DSS requirement.
    expect(controlsOf('tf-budget-alerts').pciDss).toEqual([]);
    expect(controlsOf('tf-storage-versioning').pciDss).toEqual([]);
    expect([pci.results, pci.pass, pci.fail, pci.suppressed]).toEqual([3, 1, 1, 1]);
    const everyPci = new Set([...RULES.flatMap((r) => r.controls.pciDss), ...SUPPRESSION_RULE.controls.pciDss]);
    expect(pci.controlsCovered).toEqual([...everyPci].sort(compareNatural));
    const logging = pci.controls.find((c) => c.control === '10.2.1')!;
    expect(logging.rules).toEqual(expect.arrayContaining(['tf-storage-access-logging', 'tf-cluster-control-plane-logging', 'tf-network-flow-logs']));
    expect(logging.fail).toBe(1);
    expect(controlsOf('tf-storage-access-logging').pciDss).toContain('10.2.1');
  });

  it('lists failures and suppressions in report order, with their findings, reasons and expiry', () => {
    expect(json.failures.map((f) => `${f.rule} ${f.resource}`)).toEqual(['tf-budget-alerts google_billing_budget.budget', 'tf-storage-access-logging aws_s3_bucket.replica']);
    expect(json.failures[1]).toMatchObject({
      field: 'aws_s3_bucket_logging.target_bucket',
      problem: 'S3 server access logging is off',
      controls: controlsOf('tf-storage-access-logging'),
    });
    expect(json.suppressions).toEqual([
      expect.objectContaining({ rule: 'tf-network-flow-logs', suppression: { reason: 'VNet flow logs are not GA in westeurope yet', expires: '2026-06-30' } }),
    ]);
  });

  it('carries the catalogue: every rule with level, title, rationale and controls, and the suppression rule', () => {
    expect(json.rules.map((r) => r.id)).toEqual([...RULES.map((r) => r.id), SUPPRESSION_RULE.id].sort());
    expect(json.rules.find((r) => r.id === 'tf-state-replication')).toEqual({
      id: 'tf-state-replication',
      engine: 'terraform',
      level: 'error',
      tiers: ['production'],
      title: expect.any(String),
      rationale: expect.any(String),
      controls: controlsOf('tf-state-replication'),
    });
  });

  it('writes markdown for reviewers: summary first, then failures, suppressions, controls and catalogue, and no table of every result', () => {
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Compliance report',
      '## Summary',
      '## Failures (2)',
      '## Suppressions (1)',
      '## Controls',
      ...FRAMEWORKS.map((f) => `### ${f.name}`),
      '## Rule catalogue',
    ]);
    expect(markdown).toContain('| dev | 3 | 1 | 0 | 1 | 1 | [results/dev.jsonl](results/dev.jsonl) |');
    expect(markdown).toContain('| **all** | 5 | 2 | 1 | 1 | 1 |  |');
    expect(markdown).toContain('| dev | tf-network-flow-logs | azure-network | azurerm_virtual_network.vnet | VNet flow logs are not GA in westeurope yet | 2026-06-30 |');
    expect(markdown).not.toContain('Namespace/kyverno');
  });

  it('escapes pipes inside table cells', () => {
    expect(markdown).toContain('add an aws_s3_bucket_logging \\| to a log bucket');
  });

  it('says so when there is nothing to report, and writes no results file', () => {
    const empty = complianceReportFiles([], CATALOGUE);
    expect([...empty.keys()]).toEqual(['report.json', 'report.md']);
    expect(empty.get('report.md')).toContain('## Failures (0)\n\nNone.');
    expect(JSON.parse(empty.get('report.json')!).summary).toEqual({ results: 0, pass: 0, fail: 0, failErrors: 0, failWarnings: 0, suppressed: 0 });
  });
});

describe('compareNatural', () => {
  it('orders control ids by their numbers', () => {
    expect(['A.8.15', 'A.8.2', 'A.5.9', 'A.8.24'].sort(compareNatural)).toEqual(['A.5.9', 'A.8.2', 'A.8.15', 'A.8.24']);
    expect(['CC6.10', 'CC6.2', 'A1.2', 'C1.1'].sort(compareNatural)).toEqual(['A1.2', 'C1.1', 'CC6.2', 'CC6.10']);
    expect(['Art. 32', 'Art. 5(1)(f)', 'Art. 25', 'Art. 5(1)(e)'].sort(compareNatural)).toEqual(['Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 25', 'Art. 32']);
    expect(['10.2.1.1', '10.2.1', '3.5.1'].sort(compareNatural)).toEqual(['3.5.1', '10.2.1', '10.2.1.1']);
  });
});
