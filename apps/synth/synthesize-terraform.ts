import { TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import { constructValidationResults } from '../../constructs/rules/construct-validation';
import { packFor } from '../../constructs/rules/packs';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateTerraformRuleInputs } from '../../constructs/rules/terraform-aspect';
import type { TerraformStackPlan } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { planTerraformEstate } from '../assembly/terraform-estate';
import type { SynthCache } from './cache/synth-cache';
import { cachedStacks } from './cache/terraform-units';
import { terraformEnvironmentDir, terraformStackDir } from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { type RenderedStackUnit, renderStacks, type SynthesizedStack } from './render-stacks';
import { terraformRuleEnvironment } from './rule-environment';
import type { StackWorkerPool } from './stack-workers';

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
  const render = (names: readonly string[], record: boolean): Promise<RenderedStackUnit[]> =>
    workers !== undefined && workers.workersFor(names.length) > 0 ? workers.render(spec, names, record) : renderStacks(spec, names, record);
  const names = plans.map((plan) => plan.name);
  const synthesized = cache === undefined ? (await render(names, false)).map((unit) => unit.stack) : await cachedStacks(cache, spec, plans, render);
  const stacks = plans.map((plan, i) => ({ plan, stack: synthesized[i] as SynthesizedStack }));

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
