import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { terraformRuleEnvironment } from '../../apps/synth/rule-environment';
import { ESTATE_RULES, KUBERNETES_RULES, TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import type { EstateRule } from '../../constructs/rules/estate/estate-rule';
import { evaluateKubernetesRules } from '../../constructs/rules/kubernetes-engine';
import { packFor } from '../../constructs/rules/packs';
import { evaluateTerraformRules } from '../../constructs/rules/terraform-aspect';
import type { KubernetesRule, TerraformRule } from '../../constructs/rules/types';
import type { Tier } from '../../environments/types';
import { fixtureException } from '../support/fixture-exception';
import { fixtureWorkload } from '../support/fixture-workload';
import { FIXTURE_FLEET } from './fixtures';

// The inventory of STYLE.md: which rules each tier's pack runs. Adding, removing or re-tiering a
// rule changes this table on purpose, in the same commit.
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

const EVERY_TIER_KUBERNETES = [
  'k8s-no-default-project',
  'k8s-explicit-project-scope',
  'k8s-no-plaintext-secrets',
  'k8s-namespace-pod-security',
  'k8s-tenant-namespace-isolation',
  'k8s-tenant-project-scope',
  'k8s-tenant-network-isolation',
];
const PRODUCTION_ONLY_KUBERNETES = [
  'k8s-prod-no-auto-prune',
  'k8s-prod-pinned-revisions',
  'k8s-prod-kyverno-enforce',
  'k8s-prod-fail-closed',
  'k8s-prod-exception-expiry',
  'k8s-prod-rollout-analysis',
  'k8s-prod-rollout-image-digest',
];
const EVERY_TIER_ESTATE = ['estate-secrets-inventory', 'estate-cross-engine-consistency'];

const INVENTORY: Readonly<Record<Tier, { readonly terraform: readonly string[]; readonly kubernetes: readonly string[]; readonly estate: readonly string[] }>> = {
  development: { terraform: EVERY_TIER_TERRAFORM, kubernetes: EVERY_TIER_KUBERNETES, estate: EVERY_TIER_ESTATE },
  staging: { terraform: EVERY_TIER_TERRAFORM, kubernetes: EVERY_TIER_KUBERNETES, estate: EVERY_TIER_ESTATE },
  production: {
    terraform: [...EVERY_TIER_TERRAFORM, ...PRODUCTION_ONLY_TERRAFORM],
    kubernetes: [...EVERY_TIER_KUBERNETES, ...PRODUCTION_ONLY_KUBERNETES],
    estate: EVERY_TIER_ESTATE,
  },
};

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];
const RULES: readonly (TerraformRule | KubernetesRule | EstateRule)[] = [...TERRAFORM_RULES, ...KUBERNETES_RULES, ...ESTATE_RULES];
const RULES_DIR = join(__dirname, '../../constructs/rules');
const TODAY = '2026-03-01';

const filesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();

describe('rule inventory', () => {
  it.each(TIERS.map((tier) => [tier] as const))('pins the pack of %s', (tier) => {
    const pack = packFor(tier);
    expect(pack.tier).toBe(tier);
    expect(pack.terraform.map((r) => r.id).sort()).toEqual([...INVENTORY[tier].terraform].sort());
    expect(pack.kubernetes.map((r) => r.id).sort()).toEqual([...INVENTORY[tier].kubernetes].sort());
    expect(pack.estate.map((r) => r.id).sort()).toEqual([...INVENTORY[tier].estate].sort());
  });

  it('has at least 20 rules, at least 3 of them for Kubernetes', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(20);
    expect(KUBERNETES_RULES.length).toBeGreaterThanOrEqual(3);
  });

  it('registers one file per rule, named after its id, in the folder of its engine', () => {
    expect(TERRAFORM_RULES.map((r) => r.id).sort()).toEqual(filesIn(join(RULES_DIR, 'terraform')));
    expect(KUBERNETES_RULES.map((r) => r.id).sort()).toEqual(filesIn(join(RULES_DIR, 'kubernetes')));
    for (const rule of ESTATE_RULES) expect(filesIn(join(RULES_DIR, 'estate'))).toContain(rule.id);
    for (const rule of TERRAFORM_RULES) expect(rule).toMatchObject({ engine: 'terraform', id: expect.stringMatching(/^tf-[a-z0-9-]+$/) });
    for (const rule of KUBERNETES_RULES) expect(rule).toMatchObject({ engine: 'kubernetes', id: expect.stringMatching(/^k8s-[a-z0-9-]+$/) });
    for (const rule of ESTATE_RULES) expect(rule).toMatchObject({ engine: 'estate', id: expect.stringMatching(/^estate-[a-z0-9-]+$/) });
  });

  it('has a test file with compliant and non-compliant cases for every Terraform and Kubernetes rule', () => {
    for (const rule of [...TERRAFORM_RULES, ...KUBERNETES_RULES]) {
      const file = join(__dirname, rule.engine, `${rule.id}.test.ts`);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/\bit(\.each\(.*\))?\(['"`]accepts /);
      expect(text).toMatch(/\bit(\.each\(.*\))?\(['"`]rejects /);
    }
    const tests = (engine: string) =>
      filesIn(join(__dirname, engine))
        .filter((f) => f.endsWith('.test'))
        .map((f) => f.replace(/\.test$/, ''));
    expect([...tests('terraform'), ...tests('kubernetes')].sort()).toEqual([...TERRAFORM_RULES, ...KUBERNETES_RULES].map((r) => r.id).sort());
  });

  it('gives every rule a unique id, a title, a rationale and what it checks', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.title.length).toBeGreaterThan(20);
      expect(rule.rationale.length).toBeGreaterThan(80);
      if (rule.engine === 'terraform') expect(rule.resourceTypes).not.toHaveLength(0);
      if (rule.engine === 'kubernetes') expect(rule.objectTypes).not.toHaveLength(0);
      if (rule.engine === 'estate') expect(rule.reads).not.toHaveLength(0);
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

// The example estate's compliance is what `npm run synth` checks (it refuses a failing rule), and `synth --check` pins it.
describe('compliance of the fixture fleet', () => {
  it.each(FIXTURE_FLEET.map((spec) => [spec.name, spec] as const))(
    'evaluates every Terraform stack of %s without a rule failing to run, and finds them compliant',
    (_name, spec) => {
      const { entries } = buildTerraformEstate(spec);
      const results = evaluateTerraformRules(terraformRuleEnvironment(spec), entries, TODAY, packFor(spec.tier).terraform);
      expect(results.length).toBeGreaterThan(0);
      expect(results.filter((r) => (r.problem ?? '').startsWith('the rule could not evaluate'))).toEqual([]);
      expect(results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.unit} ${r.resource}: ${r.problem ?? ''}`)).toEqual([]);
      // The compliance report stores of the observability contract are checked like the state store.
      const reportStores = results.filter((r) => r.rule === 'tf-storage-cmk-encryption' && /\.reports-(bucket|account)$/.test(r.resource));
      expect(reportStores.map((r) => r.status)).toEqual(Object.keys(spec.clouds).map(() => 'pass'));
    },
  );

  it.each(FIXTURE_FLEET.map((spec) => [spec.name, spec] as const))('finds the Kubernetes objects of %s compliant', (_name, spec) => {
    // A granted exception in every environment, so that the exception rules have an object to check.
    const exceptions = [
      fixtureException(
        FIXTURE_FLEET.map((e) => e.name),
        { expires: '2026-12-31' },
      ),
    ];
    // A delivered workload in every environment, so that the Rollout rules have an object to check.
    const estate = buildKubernetesEstate({ ...spec, delivery: { workloads: [fixtureWorkload()] } }, undefined, { today: TODAY, exceptions });
    const evaluation = {
      environment: { name: spec.name, tier: spec.tier },
      rules: packFor(spec.tier).kubernetes,
      knownRules: new Set(KUBERNETES_RULES.map((r) => r.id)),
      today: TODAY,
    };
    const results = estate.components.flatMap((c) => evaluateKubernetesRules(c.chart, evaluation));
    expect(estate.components.flatMap((c) => c.chart.node.validate())).toEqual([]);
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    // Every rule of the pack applies to some object of the estate, so none is dead weight.
    expect(new Set(results.map((r) => r.rule))).toEqual(new Set(INVENTORY[spec.tier].kubernetes));
  });
});
