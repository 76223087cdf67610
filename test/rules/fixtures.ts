import { terraformRuleEnvironment } from '../../apps/synth/rule-environment';
import type { Finding } from '../../constructs/core/finding';
import { findingsOf } from '../../constructs/rules/evaluate';
import { packFor } from '../../constructs/rules/packs';
import type { KubernetesRule, RuleOutcome, TerraformBlockMode, TerraformResourceView, TerraformRule } from '../../constructs/rules/types';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

/**
 * One fixture environment per tier (named lab, stage and live), not the example estate, so that
 * renaming the organisation or adding an environment or a cluster to environments/ changes no
 * rule test. The names say the tier the rules see.
 */
export const [dev, staging, prod] = fixtureEstate() as [EnvironmentSpec, EnvironmentSpec, EnvironmentSpec];

/** The fixture fleet in promotion order: what the rule tests iterate instead of ENVIRONMENTS. */
export const FIXTURE_FLEET: readonly EnvironmentSpec[] = [dev, staging, prod];

/** The four standard tags of an environment, as `standardTags` writes them. */
export function tagsOf(spec: EnvironmentSpec): Record<string, string> {
  return { env: spec.name, owner: spec.owner, 'cost-centre': spec.costCentre, 'managed-by': 'gitops-cdk' };
}

interface ViewOptions {
  readonly stack?: string;
  readonly mode?: TerraformBlockMode;
  readonly tagAttribute?: string;
}

/** A resource as the engine would show it to a rule, written by hand so that it can break any rule. */
export function resource(type: string, name: string, attributes: Record<string, unknown>, options: ViewOptions = {}): TerraformResourceView {
  const mode = options.mode ?? 'managed';
  const address = mode === 'managed' ? `${type}.${name}` : mode === 'data' ? `data.${type}.${name}` : name === 'default' ? `provider.${type}` : `provider.${type}.${name}`;
  return {
    stack: options.stack ?? 'stack',
    type,
    name,
    address,
    attributes,
    path: `env/${options.stack ?? 'stack'}/${name}`,
    mode,
    ...(options.tagAttribute === undefined ? {} : { tagAttribute: options.tagAttribute }),
  };
}

export function dataSource(type: string, name: string, attributes: Record<string, unknown>, options: ViewOptions = {}): TerraformResourceView {
  return resource(type, name, attributes, { ...options, mode: 'data' });
}

export function providerBlock(type: string, attributes: Record<string, unknown>, options: ViewOptions & { alias?: string } = {}): TerraformResourceView {
  return resource(type, options.alias ?? 'default', options.alias === undefined ? attributes : { ...attributes, alias: options.alias }, { ...options, mode: 'provider' });
}

/** `${address.attribute}`, a reference as cdktf renders it. */
export function ref(view: TerraformResourceView, attribute: string): string {
  return `\${${view.address}.${attribute}}`;
}

/**
 * Runs a Terraform rule on `target` as the engine would: `undefined` when the environment's tier
 * does not run the rule; the stack's views are `stack` (which should include `target`), the
 * environment's `environment` (default: the stack's).
 */
export function checkTerraform(
  rule: TerraformRule,
  target: TerraformResourceView,
  stack: readonly TerraformResourceView[],
  spec: EnvironmentSpec = prod,
  environment: readonly TerraformResourceView[] = stack,
): RuleOutcome | undefined {
  if (!packFor(spec.tier).terraform.includes(rule)) return undefined;
  const selector = (target.mode ?? 'managed') === 'managed' ? target.type : `${target.mode === 'data' ? 'data' : 'provider'}.${target.type}`;
  const applies = rule.resourceTypes.includes(selector) || (rule.resourceTypes.includes('*') && (target.mode ?? 'managed') === 'managed');
  if (!applies) throw new Error(`${rule.id} does not check ${selector}`);
  return rule.check(target, { environment: terraformRuleEnvironment(spec), stackResources: stack, environmentResources: environment });
}

/** Runs a Kubernetes rule on `manifest` as the engine would: `undefined` when the tier's pack does not list it. */
export function checkKubernetes(rule: KubernetesRule, manifest: Record<string, unknown>, spec: EnvironmentSpec = prod): readonly Finding[] | undefined {
  if (!packFor(spec.tier).kubernetes.includes(rule)) return undefined;
  const object = manifest as KubeManifest;
  if (!rule.objectTypes.includes(`${object.apiVersion}/${object.kind}`)) throw new Error(`${rule.id} does not check ${object.apiVersion}/${object.kind}`);
  return rule.check(object, { environment: { name: spec.name, tier: spec.tier }, objects: [object] });
}

export interface ExpectedFailure {
  readonly field: string | RegExp;
  readonly value?: unknown;
  readonly problem?: RegExp;
  readonly fix?: RegExp;
}

/** The findings of a Terraform outcome or a Kubernetes check, as the engine sees them. */
function findingsIn(outcome: RuleOutcome | readonly Finding[] | undefined): readonly Finding[] | undefined {
  if (outcome === undefined) return undefined;
  return Array.isArray(outcome) ? outcome : findingsOf(outcome as RuleOutcome);
}

/** Asserts a failure whose first finding has the given field (and value, problem, fix when stated). */
export function expectFailure(result: RuleOutcome | readonly Finding[] | undefined, expected: ExpectedFailure): void {
  expect(result).toBeDefined();
  const outcome = findingsIn(result)?.[0];
  if (outcome === undefined) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  expect(outcome.field).toMatch(expected.field);
  if ('value' in expected) expect(outcome.value).toEqual(expected.value);
  if (expected.problem !== undefined) expect(outcome.problem).toMatch(expected.problem);
  if (expected.fix !== undefined) expect(outcome.fix).toMatch(expected.fix);
  expect(outcome.fix.length).toBeGreaterThan(10);
}

export function expectCompliant(outcome: RuleOutcome | readonly Finding[] | undefined): void {
  if (Array.isArray(outcome)) expect(outcome).toEqual([]);
  else expect(outcome).toEqual({ compliant: true });
}

export function expectNotApplicable(outcome: RuleOutcome | undefined): void {
  expect(outcome).toEqual({ compliant: true, notApplicable: true });
}
