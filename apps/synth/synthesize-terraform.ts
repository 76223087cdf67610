import { TERRAFORM_RULES } from '../../constructs/rules/catalogue';
import { constructValidationResults } from '../../constructs/rules/construct-validation';
import { remoteStateViewsOf } from '../../constructs/rules/estate/remote-state-views';
import { type StackRuleInput, stackRuleInput } from '../../constructs/rules/inspect/stack-rule-input';
import { packFor } from '../../constructs/rules/packs';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateTerraformRuleInputs } from '../../constructs/rules/terraform-aspect';
import type { TerraformResourceView } from '../../constructs/rules/types';
import type { Violation } from '../../constructs/rules/violation';
import { formatStackHcl, renderUnformattedStack } from '../../constructs/terraform/render-stack';
import type { StackBuildHook, TerraformStackPlan } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { planTerraformEstate } from '../assembly/terraform-estate';
import { ReadRecorder, readsStillHold, recordingReads, type SpecRead, trackedSpec } from './cache/spec-reads';
import type { SynthCache } from './cache/synth-cache';
import { terraformEnvironmentDir, terraformStackDir } from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { terraformRuleEnvironment } from './rule-environment';

/** One stack as synthesized: its HCL and what the rules and the estate checks read of it, as data. */
export interface SynthesizedStack {
  readonly hcl: string;
  readonly violations: readonly Violation[];
  readonly ruleInput: StackRuleInput;
  /** Its `terraform_remote_state` blocks, for the cross-engine check. */
  readonly remoteState: readonly TerraformResourceView[];
}

/** What a cached stack was synthesized from besides the code: the stacks it stands on and every value it read of the spec. */
interface StackInputs {
  readonly dependsOn: readonly string[];
  readonly reads: readonly SpecRead[];
}

/**
 * The Terraform side of one environment's synth: every stack's HCL, the apply order, the rules of
 * the tier's pack. With a cache, a stack is taken from it when the code is the same and every value
 * the stack, and each stack it stands on, read of the spec is unchanged; only the other stacks
 * are built (with the stacks they stand on) and rendered. The rules always run, on every stack's
 * data: they also compare stacks with each other.
 */
export async function synthesizeTerraform(spec: EnvironmentSpec, today: string, cache?: SynthCache): Promise<EnginePart> {
  const recorders = new Map<string, ReadRecorder>();
  const recorderOf = (name: string): ReadRecorder => {
    const recorder = recorders.get(name) ?? new ReadRecorder();
    recorders.set(name, recorder);
    return recorder;
  };
  const hook: StackBuildHook = (name, build) => recordingReads(recorderOf(name), build);
  const { plans } = cache === undefined ? planTerraformEstate(spec) : planTerraformEstate(trackedSpec(spec), hook);
  const kept = cache === undefined ? new Map<string, SynthesizedStack>() : stacksStillHolding(cache, spec, plans);

  const stacks: { readonly plan: TerraformStackPlan; readonly stack: SynthesizedStack }[] = [];
  for (const plan of plans) {
    const held = kept.get(plan.name);
    if (held !== undefined) {
      cache?.reused();
      stacks.push({ plan, stack: held });
      continue;
    }
    const stack = await synthesizeStack(plan, spec.name, recorderOf(plan.name));
    cache?.keep<SynthesizedStack>('terraform', spec.name, plan.name, { dependsOn: plan.dependsOn, reads: recorderOf(plan.name).all() } satisfies StackInputs, stack);
    stacks.push({ plan, stack });
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
 * Builds and renders one stack; every read of the spec on the way (through the tracked spec) goes
 * to `recorder`. The stack is resolved twice, not four times: once by cdktf's HCL renderer, once
 * for the views the rules and the estate checks share.
 */
async function synthesizeStack(plan: TerraformStackPlan, environment: string, recorder: ReadRecorder): Promise<SynthesizedStack> {
  const rendered = recordingReads(recorder, () => {
    const stack = plan.build();
    const unformatted = renderUnformattedStack(stack, environment);
    return { unformatted, ruleInput: stackRuleInput(stack, plan.name), remoteState: remoteStateViewsOf(stack, plan.name) };
  });
  return { hcl: await formatStackHcl(rendered.unformatted.hcl), violations: rendered.unformatted.violations, ruleInput: rendered.ruleInput, remoteState: rendered.remoteState };
}

/**
 * The stacks the cache holds that a fresh synth would render the same: written by the same code,
 * standing on the same stacks, and neither they nor any stack they stand on (whose objects they
 * were built with) read a value of the spec that has changed since.
 */
function stacksStillHolding(cache: SynthCache, spec: EnvironmentSpec, plans: readonly TerraformStackPlan[]): Map<string, SynthesizedStack> {
  const entries = new Map(plans.map((plan) => [plan.name, cache.read<SynthesizedStack>('terraform', spec.name, plan.name)]));
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
        const producer = plans.find((p) => p.name === name);
        return producer !== undefined && check(producer);
      });
    holds.set(plan.name, result);
    return result;
  };
  const kept = new Map<string, SynthesizedStack>();
  for (const plan of plans) {
    const entry = entries.get(plan.name);
    if (entry !== undefined && check(plan)) kept.set(plan.name, entry.output);
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
