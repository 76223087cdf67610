import { remoteStateViewsOf } from '../../constructs/rules/estate/remote-state-views';
import { type StackRuleInput, stackRuleInput } from '../../constructs/rules/inspect/stack-rule-input';
import type { TerraformResourceView } from '../../constructs/rules/types';
import type { Violation } from '../../constructs/rules/violation';
import { formatStackHcl, renderUnformattedStack } from '../../constructs/terraform/render-stack';
import type { StackBuildHook } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';
import { planTerraformEstate } from '../assembly/terraform-estate';
import { ReadRecorder, recordingReads, type SpecRead, trackedSpec } from './cache/spec-reads';

/** One stack as synthesized: its HCL and what the rules and the estate checks read of it, as data. */
export interface SynthesizedStack {
  readonly hcl: string;
  readonly violations: readonly Violation[];
  readonly ruleInput: StackRuleInput;
  /** Its `terraform_remote_state` blocks, for the cross-engine check. */
  readonly remoteState: readonly TerraformResourceView[];
}

/** A stack rendered by `renderStacks`, with what it read of the spec (when asked to record). */
export interface RenderedStackUnit {
  readonly name: string;
  readonly stack: SynthesizedStack;
  readonly reads: readonly SpecRead[];
}

/**
 * Builds and renders the stacks `names` of an environment (each with the stacks it stands on,
 * which are built but not rendered) as plain data: in the synth's own thread, or in a worker
 * (`stack-workers.ts`), which receives the spec as data. With `record`, every read of the spec
 * made while a stack is built and rendered is recorded for it (`spec-reads.ts`). Each stack is
 * resolved twice, not four times: by cdktf's HCL renderer, and once for the views the rules and
 * the estate checks share.
 */
export async function renderStacks(spec: EnvironmentSpec, names: readonly string[], record: boolean): Promise<RenderedStackUnit[]> {
  const rendered: RenderedStackUnit[] = [];
  // A fresh app per share of stacks: the construct trees of one share are let go before the next
  // is built (at fleet scale, all of an environment's trees at once would be most of the memory).
  for (let start = 0; start < names.length; start += STACKS_PER_APP) rendered.push(...(await renderInOneApp(spec, names.slice(start, start + STACKS_PER_APP), record)));
  return rendered;
}

/** Stacks built in one cdktf app, with the stacks they stand on built again in each. */
const STACKS_PER_APP = 64;

async function renderInOneApp(spec: EnvironmentSpec, names: readonly string[], record: boolean): Promise<RenderedStackUnit[]> {
  const recorders = new Map<string, ReadRecorder>();
  const recorderOf = (name: string): ReadRecorder => {
    const recorder = recorders.get(name) ?? new ReadRecorder();
    recorders.set(name, recorder);
    return recorder;
  };
  const hook: StackBuildHook = (name, build) => recordingReads(recorderOf(name), build);
  const { plans } = record ? planTerraformEstate(trackedSpec(spec), hook) : planTerraformEstate(spec);
  const byName = new Map(plans.map((plan) => [plan.name, plan]));
  const rendered: RenderedStackUnit[] = [];
  for (const name of names) {
    const plan = byName.get(name);
    if (plan === undefined) throw new Error(`${spec.name}: no Terraform stack ${name} to render`);
    const recorder = recorderOf(name);
    const drawn = recordingReads(recorder, () => {
      const stack = plan.build();
      return { unformatted: renderUnformattedStack(stack, spec.name), ruleInput: stackRuleInput(stack, name), remoteState: remoteStateViewsOf(stack, name) };
    });
    const stack: SynthesizedStack = {
      hcl: await formatStackHcl(drawn.unformatted.hcl),
      violations: drawn.unformatted.violations,
      ruleInput: drawn.ruleInput,
      remoteState: drawn.remoteState,
    };
    rendered.push({ name, stack, reads: record ? recorder.all() : [] });
  }
  return rendered;
}
