import { ruleCatalogue } from '../../constructs/rules/catalogue';
import { compareNatural, complianceReport, FRAMEWORKS } from '../../constructs/rules/report';
import type { RuleResult } from '../../constructs/rules/result';
import { SUPPRESSION_RULE } from '../../constructs/rules/suppressions';

const CATALOGUE = ruleCatalogue();
const RULES = CATALOGUE.filter((r) => r.id !== SUPPRESSION_RULE.id);
const controlsOf = (id: string) => RULES.find((r) => r.id === id)!.controls;

function result(overrides: Partial<RuleResult> & Pick<RuleResult, 'environment' | 'rule' | 'resource' | 'status'>): RuleResult {
  return {
    engine: overrides.rule.startsWith('k8s-') ? 'kubernetes' : 'terraform',
    unit: 'aws-foundation',
    path: `${overrides.environment}/${overrides.resource}`,
    level: RULES.find((r) => r.id === overrides.rule)?.level ?? 'error',
    controls: RULES.find((r) => r.id === overrides.rule)?.controls ?? SUPPRESSION_RULE.controls,
    ...overrides,
  };
}

const RESULTS: readonly RuleResult[] = [
  result({ environment: 'prod', rule: 'tf-storage-versioning', resource: 'aws_s3_bucket.state', status: 'pass' }),
  result({
    environment: 'prod',
    rule: 'tf-storage-access-logging',
    resource: 'aws_s3_bucket.replica',
    status: 'fail',
    field: 'aws_s3_bucket_logging.target_bucket',
    value: 'missing',
    problem: 'S3 server access logging is off',
    fix: 'add an aws_s3_bucket_logging | to a log bucket',
  }),
  result({
    environment: 'dev',
    rule: 'tf-network-flow-logs',
    resource: 'azurerm_virtual_network.vnet',
    status: 'suppressed',
    unit: 'azure-network',
    field: 'azurerm_network_watcher_flow_log.target_resource_id',
    value: 'missing',
    problem: 'the virtual network has no enabled flow log',
    fix: 'add a flow log',
    suppression: { reason: 'VNet flow logs are not GA in westeurope yet', expires: '2026-06-30' },
  }),
  result({ environment: 'dev', rule: 'k8s-namespace-pod-security', resource: 'Namespace/kyverno', status: 'pass', unit: 'config' }),
  result({
    environment: 'dev',
    rule: 'tf-budget-alerts',
    resource: 'google_billing_budget.budget',
    status: 'fail',
    unit: 'gcp-foundation',
    problem: 'no alert at 50%',
    fix: 'add threshold rules',
  }),
];

describe('complianceReport', () => {
  const report = complianceReport(RESULTS, CATALOGUE);
  const json = JSON.parse(report.json) as {
    summary: Record<string, number>;
    environments: { environment: string; pass: number; fail: number; suppressed: number }[];
    frameworks: {
      framework: string;
      controlsCovered: string[];
      results: number;
      pass: number;
      fail: number;
      suppressed: number;
      controls: { control: string; rules: string[]; fail: number }[];
    }[];
    failures: { rule: string }[];
    suppressions: { rule: string; suppression: { reason: string; expires: string } }[];
    results: { environment: string; rule: string; resource: string }[];
    rules: { id: string }[];
  };

  it('is deterministic: the same results in any order give the same text', () => {
    const reversed = complianceReport([...RESULTS].reverse(), [...CATALOGUE].reverse());
    expect(reversed.json).toBe(report.json);
    expect(reversed.markdown).toBe(report.markdown);
    expect(report.json).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it('sorts every result by environment, rule, resource', () => {
    expect(json.results.map((r) => `${r.environment} ${r.rule} ${r.resource}`)).toEqual([
      'dev k8s-namespace-pod-security Namespace/kyverno',
      'dev tf-budget-alerts google_billing_budget.budget',
      'dev tf-network-flow-logs azurerm_virtual_network.vnet',
      'prod tf-storage-access-logging aws_s3_bucket.replica',
      'prod tf-storage-versioning aws_s3_bucket.state',
    ]);
  });

  it('totals results overall and per environment, telling errors from warnings', () => {
    expect(json.summary).toEqual({ results: 5, pass: 2, fail: 2, failErrors: 1, failWarnings: 1, suppressed: 1 });
    expect(json.environments).toEqual([
      { environment: 'dev', results: 3, pass: 1, fail: 1, failErrors: 0, failWarnings: 1, suppressed: 1 },
      { environment: 'prod', results: 2, pass: 1, fail: 1, failErrors: 1, failWarnings: 0, suppressed: 0 },
    ]);
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

  it('lists failures and suppressions with their reasons and expiry', () => {
    expect(json.failures.map((f) => f.rule)).toEqual(['tf-budget-alerts', 'tf-storage-access-logging']);
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

  it('writes markdown for reviewers: summary first, then failures, suppressions, the matrix, controls and catalogue', () => {
    const headings = report.markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Compliance report',
      '## Summary',
      '## Failures (2)',
      '## Suppressions (1)',
      '## Results by environment',
      '### dev',
      '### prod',
      '## Controls',
      ...FRAMEWORKS.map((f) => `### ${f.name}`),
      '## Rule catalogue',
    ]);
    expect(report.markdown).toContain('| dev | 3 | 1 | 0 | 1 | 1 |');
    expect(report.markdown).toContain('| **all** | 5 | 2 | 1 | 1 | 1 |');
    expect(report.markdown).toContain('| dev | tf-network-flow-logs | azure-network | azurerm_virtual_network.vnet | VNet flow logs are not GA in westeurope yet | 2026-06-30 |');
  });

  it('escapes pipes inside table cells', () => {
    expect(report.markdown).toContain('add an aws_s3_bucket_logging \\| to a log bucket');
  });

  it('says so when there is nothing to report', () => {
    const empty = complianceReport([], CATALOGUE);
    expect(empty.markdown).toContain('## Failures (0)\n\nNone.');
    expect(JSON.parse(empty.json).summary).toEqual({ results: 0, pass: 0, fail: 0, failErrors: 0, failWarnings: 0, suppressed: 0 });
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
