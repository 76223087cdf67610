import { randomUUID } from 'node:crypto';
import { TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import { constructValidationResults } from '../../constructs/rules/construct-validation';
import { packFor } from '../../constructs/rules/packs';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateTerraformRuleInputs } from '../../constructs/rules/terraform-aspect';
import type { TerraformStackPlan } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { planTerraformEstate } from '../assembly/terraform-estate';
import { readsStillHold, type SpecRead } from './cache/spec-reads';
import type { SynthCache } from './cache/synth-cache';
import { terraformEnvironmentDir, terraformStackDir } from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { renderStacks, type SynthesizedStack } from './render-stacks';
import { terraformRuleEnvironment } from './rule-environment';
import type { StackWorkerPool } from './stack-workers';

/** What a cached stack was synthesized from besides the code: the stacks it stands on and every value it read of the spec. */
interface StackInputs {
  /** This build of the stack, named by the stacks built with it. */
  readonly id: string;
  readonly dependsOn: readonly string[];
  /**
   * The build of each stack it stands on that it was built with: an interrupted save (or another
   * synth sharing the folder) can leave a newer build of a producer beside this stack, which then
   * does not hold.
   */
  readonly producers: Readonly<Record<string, string>>;
  readonly reads: readonly SpecRead[];
}

/**
 * The Terraform side of one environment's synth: every stack's HCL, the apply order, the rules of
 * the tier's pack. With a cache, a stack is taken from it when the code is the same and every value
 * the stack, and each stack it stands on, read of the spec is unchanged; only the other stacks
 * are built (with the stacks they stand on) and rendered, by `workers` when there are enough of
 * them to pay for the workers' start. The rules always run, on every stack's data: they also
 * compare stacks with each other.
 */
export async function synthesizeTerraform(spec: EnvironmentSpec, today: string, cache?: SynthCache, workers?: StackWorkerPool): Promise<EnginePart> {
  // Planning builds nothing: the names, the order and the dependencies of every stack.
  const { plans } = planTerraformEstate(spec);
  const kept = cache === undefined ? new Map<string, { id: string; stack: SynthesizedStack }>() : stacksStillHolding(cache, spec, plans);
  const missing = plans.filter((plan) => !kept.has(plan.name)).map((plan) => plan.name);
  const record = cache !== undefined;
  const rendered = workers !== undefined && workers.workersFor(missing.length) > 0 ? await workers.render(spec, missing, record) : await renderStacks(spec, missing, record);
  const fresh = new Map(rendered.map((unit) => [unit.name, unit]));

  const stacks: { readonly plan: TerraformStackPlan; readonly stack: SynthesizedStack }[] = [];
  // The build of every stack, in apply order: producers are named before their consumers.
  const builds = new Map<string, string>();
  for (const plan of plans) {
    const held = kept.get(plan.name);
    const unit = fresh.get(plan.name);
    if (held !== undefined) {
      cache?.reused();
      builds.set(plan.name, held.id);
      stacks.push({ plan, stack: held.stack });
    } else if (unit !== undefined) {
      const id = randomUUID();
      builds.set(plan.name, id);
      const producers = Object.fromEntries(plan.dependsOn.map((name) => [name, builds.get(name) ?? '']));
      cache?.keep<SynthesizedStack>('terraform', spec.name, plan.name, { id, dependsOn: plan.dependsOn, producers, reads: unit.reads } satisfies StackInputs, unit.stack);
      stacks.push({ plan, stack: unit.stack });
    } else throw new Error(`${spec.name}: Terraform stack ${plan.name} was neither in the cache nor rendered`);
  }

  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const results: RuleResult[] = [];
  for (const { plan, stack } of stacks) {
    results.push(...constructValidationResults(stack.violations, 'terraform', plan.name));
    files.set(`${outputPath(terraformStackDir(spec.name, plan.name))}/main.tf`, stack.hcl);
    summary.push({ environment: spec.name, engine: 'terraform', unit: plan.name, files: 1, resources: countTerraformResources(stack.hcl) });
  }
  if (plans.length > 0) files.set(`${outputPath(terraformEnvironmentDir(spec.name))}/apply-order.json`, applyOrderJson(plans));
  // After rendering: the rules see the stacks exactly as written (backends, overrides, tags).
  const known = new Set(TERRAFORM_RULES.map((r) => r.id));
  const inputs = stacks.map(({ stack }) => stack.ruleInput);
  results.push(...evaluateTerraformRuleInputs(terraformRuleEnvironment(spec), inputs, today, packFor(spec.tier).terraform, known));
  const views = stacks.flatMap(({ stack }) => [...stack.ruleInput.views.map(({ view }) => view), ...stack.remoteState]);
  return { files, summary, results, views };
}

/**
 * The stacks the cache holds that a fresh synth would render the same: written by the same code,
 * standing on the same stacks in the builds they were built with, and neither they nor any stack
 * they stand on (whose objects they were built with) read a value of the spec that has changed since.
 */
function stacksStillHolding(cache: SynthCache, spec: EnvironmentSpec, plans: readonly TerraformStackPlan[]): Map<string, { id: string; stack: SynthesizedStack }> {
  const entries = new Map(plans.map((plan) => [plan.name, cache.read<SynthesizedStack>('terraform', spec.name, plan.name)]));
  const byName = new Map(plans.map((plan) => [plan.name, plan]));
  const holds = new Map<string, boolean>();
  const check = (plan: TerraformStackPlan): boolean => {
    const known = holds.get(plan.name);
    if (known !== undefined) return known;
    const entry = entries.get(plan.name);
    const inputs = entry?.inputs as StackInputs | undefined;
    const result =
      inputs !== undefined &&
      sameList(inputs.dependsOn, plan.dependsOn) &&
      readsStillHold(spec, inputs.reads) &&
      plan.dependsOn.every((name) => {
        const producer = byName.get(name);
        const built = (entries.get(name)?.inputs as StackInputs | undefined)?.id;
        return producer !== undefined && built !== undefined && inputs.producers?.[name] === built && check(producer);
      });
    holds.set(plan.name, result);
    return result;
  };
  const kept = new Map<string, { id: string; stack: SynthesizedStack }>();
  for (const plan of plans) {
    const entry = entries.get(plan.name);
    if (entry !== undefined && check(plan)) kept.set(plan.name, { id: (entry.inputs as StackInputs).id, stack: entry.output });
  }
  return kept;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The order a pipeline applies the environment's stacks in, and what each reads state from:
 * `jq -r '.[].stack'` gives the folders in order.
 */
function applyOrderJson(plans: readonly TerraformStackPlan[]): string {
  return `${JSON.stringify(
    plans.map((p) => ({ stack: p.name, dependsOn: [...p.dependsOn] })),
    null,
    2,
  )}\n`;
}

/** Resource blocks declared in a root module's HCL (`resource "<type>" "<name>" {` at column 0). */
function countTerraformResources(hcl: string): number {
  return (hcl.match(/^resource "/gm) ?? []).length;
}
