import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runsIn } from '../../constructs/compliance/evaluate';
import { addKubernetesComplianceValidations } from '../../constructs/compliance/kubernetes-validations';
import { ComplianceRecorder } from '../../constructs/compliance/result';
import { KUBERNETES_COMPLIANCE_RULES, TERRAFORM_COMPLIANCE_RULES } from '../../constructs/compliance/rules';
import { evaluateTerraformCompliance } from '../../constructs/compliance/terraform-aspect';
import type { ComplianceRule } from '../../constructs/compliance/types';
import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { ENVIRONMENTS } from '../../environments';
import type { Tier } from '../../environments/types';

// The inventory of STYLE.md: which compliance rules each tier runs. Adding, removing or re-tiering
// a rule changes this table on purpose, in the same commit.
const EVERY_TIER_TERRAFORM = [
  'tf-storage-cmk-encryption',
  'tf-storage-versioning',
  'tf-storage-public-access-blocked',
  'tf-storage-tls-only',
  'tf-storage-access-logging',
  'tf-storage-version-retention',
  'tf-kms-key-rotation',
  'tf-key-vault-purge-protection',
  'tf-oidc-subject-scoped',
  'tf-oidc-audience-pinned',
  'tf-cluster-endpoint-restricted',
  'tf-cluster-secrets-encryption',
  'tf-cluster-control-plane-logging',
  'tf-cluster-workload-identity',
  'tf-node-autoscaling-bounds',
  'tf-network-flow-logs',
  'tf-required-tags',
  'tf-budget-per-cloud',
  'tf-budget-alerts',
];
const PRODUCTION_ONLY_TERRAFORM = ['tf-state-replication', 'tf-prod-apply-protected-environment', 'tf-prod-no-wildcard-iam-action'];

const INVENTORY: Readonly<Record<Tier, { readonly terraform: readonly string[]; readonly kubernetes: readonly string[] }>> = {
  development: { terraform: EVERY_TIER_TERRAFORM, kubernetes: ['k8s-namespace-pod-security', 'k8s-no-secret-data'] },
  staging: { terraform: EVERY_TIER_TERRAFORM, kubernetes: ['k8s-namespace-pod-security', 'k8s-no-secret-data'] },
  production: {
    terraform: [...EVERY_TIER_TERRAFORM, ...PRODUCTION_ONLY_TERRAFORM],
    kubernetes: ['k8s-prod-no-auto-prune', 'k8s-namespace-pod-security', 'k8s-prod-kyverno-enforce', 'k8s-no-secret-data'],
  },
};

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];
const RULES: readonly ComplianceRule[] = [...TERRAFORM_COMPLIANCE_RULES, ...KUBERNETES_COMPLIANCE_RULES];
const RULES_DIR = join(__dirname, '../../constructs/compliance/rules');
const TODAY = '2026-03-01';

const filesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

describe('compliance rule inventory', () => {
  it.each(TIERS.map((tier) => [tier] as const))('pins the rules %s runs', (tier) => {
    expect(TERRAFORM_COMPLIANCE_RULES.filter((r) => runsIn(r, tier)).map((r) => r.id).sort()).toEqual([...INVENTORY[tier].terraform].sort());
    expect(KUBERNETES_COMPLIANCE_RULES.filter((r) => runsIn(r, tier)).map((r) => r.id).sort()).toEqual([...INVENTORY[tier].kubernetes].sort());
  });

  it('has at least 20 rules, at least 3 of them for Kubernetes', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(20);
    expect(KUBERNETES_COMPLIANCE_RULES.length).toBeGreaterThanOrEqual(3);
  });

  it('registers one file per rule, named after its id, in the folder of its engine', () => {
    expect(TERRAFORM_COMPLIANCE_RULES.map((r) => r.id).sort()).toEqual(filesIn(join(RULES_DIR, 'terraform')));
    expect(KUBERNETES_COMPLIANCE_RULES.map((r) => r.id).sort()).toEqual(filesIn(join(RULES_DIR, 'kubernetes')));
    for (const rule of TERRAFORM_COMPLIANCE_RULES) expect(rule).toMatchObject({ engine: 'terraform', id: expect.stringMatching(/^tf-[a-z0-9-]+$/) });
    for (const rule of KUBERNETES_COMPLIANCE_RULES) expect(rule).toMatchObject({ engine: 'kubernetes', id: expect.stringMatching(/^k8s-[a-z0-9-]+$/) });
  });

  it('has a test file with compliant and non-compliant cases for every rule', () => {
    for (const rule of RULES) {
      const file = join(__dirname, 'rules', `${rule.id}.test.ts`);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/\bit\(['"`]accepts /);
      expect(text).toMatch(/\bit\(['"`]rejects /);
    }
    expect(filesIn(join(__dirname, 'rules')).map((f) => f.replace(/\.test$/, ''))).toEqual(RULES.map((r) => r.id).sort());
  });

  it('gives every rule a unique id, a title, a rationale and what it checks', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.title.length).toBeGreaterThan(20);
      expect(rule.rationale.length).toBeGreaterThan(80);
      expect(rule.engine === 'terraform' ? rule.resourceTypes : rule.objectTypes).not.toHaveLength(0);
    }
  });

  it('maps every rule to SOC 2 and ISO 27001 controls, written the way each framework numbers them', () => {
    for (const rule of RULES) {
      const { soc2, pciDss, iso27001, gdpr } = rule.controls;
      expect(soc2.length).toBeGreaterThan(0);
      expect(iso27001.length).toBeGreaterThan(0);
      for (const c of soc2) expect(c).toMatch(/^(CC[1-9]\.\d+|A1\.[1-3]|C1\.[1-2]|PI1\.[1-5]|P[1-8]\.\d)$/);
      for (const c of pciDss) expect(c).toMatch(/^\d{1,2}(\.\d+){1,3}$/);
      for (const c of iso27001) expect(c).toMatch(/^A\.(5\.([1-9]|[1-3]\d)|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[1-2]\d|3[0-4]))$/);
      for (const c of gdpr) expect(c).toMatch(/^Art\. \d+(\(\d\)(\([a-f]\))?)?$/);
    }
  });
});

describe('compliance of the estate', () => {
  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('evaluates every Terraform stack of %s without a rule failing to run, and finds them compliant', (_name, spec) => {
    const { entries } = buildTerraformEstate(spec);
    const results = evaluateTerraformCompliance(spec, entries, TODAY);
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => (r.problem ?? '').startsWith('the rule could not evaluate'))).toEqual([]);
    expect(results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.unit} ${r.resource}: ${r.problem ?? ''}`)).toEqual([]);
    // The compliance report stores of the observability contract are checked like the state store.
    const reportStores = results.filter((r) => r.rule === 'tf-storage-cmk-encryption' && /\.reports-(bucket|account)$/.test(r.resource));
    expect(reportStores.map((r) => r.status)).toEqual(Object.keys(spec.clouds).map(() => 'pass'));
  });

  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('finds the Kubernetes objects of %s compliant', (_name, spec) => {
    const estate = buildKubernetesEstate(spec, undefined, { today: TODAY });
    const recorder = new ComplianceRecorder();
    for (const component of estate.components) addKubernetesComplianceValidations(component.chart, spec, recorder, TODAY);
    expect(estate.components.flatMap((c) => c.chart.node.validate())).toEqual([]);
    expect(recorder.results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(new Set(recorder.results.map((r) => r.rule))).toEqual(new Set(INVENTORY[spec.tier].kubernetes));
  });
});
