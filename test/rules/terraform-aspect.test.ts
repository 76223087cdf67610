import { Aspects, TerraformStack } from 'cdktf';
import { invokeAspects } from 'cdktf/lib/synthesize/synthesizer';
import { terraformRuleEnvironment } from '../../apps/synth/rule-environment';
import { TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import { packFor } from '../../constructs/rules/packs';
import { violationOf } from '../../constructs/rules/refusal-entries';
import { blockingResults, ResultRecorder, type RuleResult } from '../../constructs/rules/result';
import { suppressCompliance } from '../../constructs/rules/suppressions';
import { evaluateTerraformRules, TerraformComplianceAspect } from '../../constructs/rules/terraform-aspect';
import type { TerraformRule } from '../../constructs/rules/types';
import type { TerraformStackEntry } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { prod, staging } from './fixtures';
import { BudgetStack, StateStoreStack, testApp } from './stacks';

const TODAY = '2026-03-01';

function estate(options: ConstructorParameters<typeof StateStoreStack>[3] = {}, spec = staging) {
  const app = testApp();
  const store = new StateStoreStack(app, 'aws-foundation', spec, options);
  const budget = new BudgetStack(app, 'aws-budget', spec);
  const entries: TerraformStackEntry[] = [
    { name: 'aws-foundation', stack: store, dependsOn: [] },
    { name: 'aws-budget', stack: budget, dependsOn: [] },
  ];
  return { app, store, budget, entries };
}

/** The Terraform rules of the spec's pack on the entries, as the synth runs them. */
function evaluateTerraformCompliance(
  spec: EnvironmentSpec,
  entries: readonly TerraformStackEntry[],
  today: string,
  rules: readonly TerraformRule[] = packFor(spec.tier).terraform,
): RuleResult[] {
  return evaluateTerraformRules(terraformRuleEnvironment(spec), entries, today, rules, new Set(TERRAFORM_RULES.map((r) => r.id)));
}

/** Failing `error` results as the user reads them in a refusal. */
const complianceViolations = (results: readonly RuleResult[]) => blockingResults(results).map(violationOf);

const failures = (results: readonly RuleResult[]) => results.filter((r) => r.status !== 'pass').map((r) => `${r.status} ${r.rule} ${r.resource}`);

describe('evaluateTerraformRules', () => {
  it('passes a compliant estate: every rule that applies records a pass', () => {
    const { entries } = estate();
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    expect(failures(results)).toEqual([]);
    expect(new Set(results.map((r) => r.rule))).toEqual(
      new Set([
        'tf-budget-alerts',
        'tf-budget-per-cloud',
        'tf-kms-key-rotation',
        'tf-required-tags',
        'tf-storage-access-logging',
        'tf-storage-cmk-encryption',
        'tf-storage-public-access-blocked',
        'tf-storage-tls-only',
        'tf-storage-version-retention',
        'tf-storage-versioning',
      ]),
    );
  });

  it('records where each result belongs: environment, engine, stack, address, construct path, controls', () => {
    const { entries } = estate();
    const result = evaluateTerraformCompliance(staging, entries, TODAY).find((r) => r.rule === 'tf-storage-versioning' && r.resource === 'aws_s3_bucket.bucket');
    expect(result).toEqual({
      environment: staging.name,
      engine: 'terraform',
      unit: 'aws-foundation',
      resource: 'aws_s3_bucket.bucket',
      path: 'aws-foundation/bucket',
      rule: 'tf-storage-versioning',
      level: 'error',
      status: 'pass',
      controls: TERRAFORM_RULES.find((r) => r.id === 'tf-storage-versioning')!.controls,
    });
  });

  it('fails a bucket without versioning, with the field, value, problem and fix', () => {
    const { entries } = estate({ unversioned: true });
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    expect(failures(results)).toEqual(['fail tf-storage-versioning aws_s3_bucket.bucket']);
    const [violation] = complianceViolations(results);
    expect(violation).toEqual({
      environment: staging.name,
      path: 'aws-foundation/bucket',
      field: 'aws_s3_bucket_versioning.versioning_configuration.status',
      value: 'missing',
      problem: 'aws_s3_bucket.bucket: earlier versions of the objects are not kept [tf-storage-versioning]',
      fix: expect.stringContaining('aws_s3_bucket_versioning'),
    });
  });

  it('sees provider default tags, and fails every taggable resource when they are missing', () => {
    const { entries } = estate({ tagged: false });
    const failed = evaluateTerraformCompliance(staging, entries, TODAY).filter((r) => r.status === 'fail');
    expect(new Set(failed.map((r) => r.rule))).toEqual(new Set(['tf-required-tags']));
    expect(failed.map((r) => r.resource)).toEqual(['aws_kms_key.key', 'aws_s3_bucket.bucket', 'aws_s3_bucket.logs']);
  });

  it('looks for budgets across every stack of the environment', () => {
    const { entries } = estate();
    const alone = evaluateTerraformCompliance(staging, entries.slice(0, 1), TODAY);
    expect(failures(alone)).toEqual(['fail tf-budget-per-cloud provider.aws']);
  });

  it('runs the rules of the environment tier only', () => {
    const { entries } = estate({}, prod);
    const results = evaluateTerraformCompliance(prod, entries, TODAY);
    expect(failures(results)).toEqual(['fail tf-state-replication aws_s3_bucket.bucket']);
  });

  it('records a suppressed failure with the suppression that holds, on the construct or a scope above it', () => {
    const { entries, store } = estate({ unversioned: true });
    suppressCompliance(store, [{ rule: 'tf-storage-versioning', reason: 'bucket is recreated from the replica nightly', expires: '2026-06-30' }]);
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    expect(failures(results)).toEqual(['suppressed tf-storage-versioning aws_s3_bucket.bucket']);
    const suppressed = results.find((r) => r.status === 'suppressed');
    expect(suppressed?.suppression).toEqual({ reason: 'bucket is recreated from the replica nightly', expires: '2026-06-30' });
    expect(suppressed?.problem).toMatch(/not kept/);
    expect(complianceViolations(results)).toEqual([]);
  });

  it('suppresses nothing with an expired suppression, and fails the suppression itself', () => {
    const { entries, store } = estate({ unversioned: true });
    suppressCompliance(store.bucket, [{ rule: 'tf-storage-versioning', reason: 'bucket is recreated from the replica nightly', expires: '2026-02-28' }]);
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    expect(failures(results)).toEqual(['fail compliance-suppression aws_s3_bucket.bucket', 'fail tf-storage-versioning aws_s3_bucket.bucket']);
    expect(complianceViolations(results).map((v) => v.field)).toEqual(['suppressions[0].expires', 'aws_s3_bucket_versioning.versioning_configuration.status']);
  });

  it('fails suppressions above the stacks once per environment', () => {
    const { entries, app } = estate();
    suppressCompliance(app, [{ rule: 'tf-required-tags', reason: 'short', expires: '2026-06-30' }]);
    const results = evaluateTerraformCompliance(staging, entries, TODAY).filter((r) => r.rule === 'compliance-suppression');
    expect(results).toEqual([expect.objectContaining({ unit: '(all stacks)', resource: '(app)', path: '', field: 'suppressions[0].reason', status: 'fail' })]);
  });

  it('adds its aspect to every stack; invoking the aspects again changes no result', () => {
    const { entries, store } = estate();
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    const aspects = Aspects.of(store).all;
    expect(aspects).toHaveLength(1);
    expect(aspects[0]).toBeInstanceOf(TerraformComplianceAspect);
    invokeAspects(store);
    expect(evaluateTerraformCompliance(staging, entries, TODAY)).toEqual(results);
  });

  it('returns results in report order', () => {
    const { entries } = estate();
    const results = evaluateTerraformCompliance(staging, entries, TODAY);
    const keys = results.map((r) => `${r.rule}\u0000${r.resource}\u0000${r.unit}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('fails a resource when a rule throws, instead of aborting every check', () => {
    const { entries } = estate();
    const broken: TerraformRule = {
      ...TERRAFORM_RULES[0]!,
      id: 'tf-broken',
      resourceTypes: ['aws_kms_key'],
      check: () => {
        throw new Error('boom');
      },
    };
    const [result] = evaluateTerraformCompliance(staging, entries, TODAY, [broken]);
    expect(result).toMatchObject({ rule: 'tf-broken', status: 'fail', resource: 'aws_kms_key.key', problem: 'the rule could not evaluate the resource: boom' });
  });
});

describe('TerraformComplianceAspect', () => {
  it('evaluates the stacks it visits when cdktf invokes aspects, naming them by construct id', () => {
    const app = testApp();
    const stack = new StateStoreStack(app, 'aws-foundation', staging, { unversioned: true });
    const recorder = new ResultRecorder();
    Aspects.of(app).add(new TerraformComplianceAspect({ environment: terraformRuleEnvironment(staging), rules: packFor(staging.tier).terraform, today: TODAY, recorder }));
    invokeAspects(app);
    expect(stack).toBeInstanceOf(TerraformStack);
    expect(failures(recorder.results)).toEqual(['fail tf-budget-per-cloud provider.aws', 'fail tf-storage-versioning aws_s3_bucket.bucket']);
    expect(new Set(recorder.results.map((r) => r.unit))).toEqual(new Set(['aws-foundation']));
  });
});
