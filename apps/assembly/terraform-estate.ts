import { App, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { REGISTERED_CLOUDS } from '../../constructs/terraform/registered-clouds';
import { buildPlans, type StackBuildHook, type TerraformStackEntry, type TerraformStackPlan } from '../../constructs/terraform/stack-entry';
import type { EnvironmentSpec } from '../../environments/types';

/**
 * Adds every Terraform stack of `spec` to `scope`, in apply order: per cloud foundation, then
 * network, then cluster. `stackId` maps a stack name to the construct id: the per-environment
 * apps use the name, the CLI app (one App for every environment) prefixes it with the environment.
 * A stack can only depend on one planned before it (constructs/terraform/cloud-estate.ts).
 */
export function addTerraformStacks(scope: Construct, spec: EnvironmentSpec, stackId: (name: string) => string = (name) => name): TerraformStackEntry[] {
  return buildPlans(planTerraformStacks(scope, spec, stackId));
}

/** The stacks `addTerraformStacks` adds, planned and built on demand (`planCloudStacks`). */
function planTerraformStacks(scope: Construct, spec: EnvironmentSpec, stackId: (name: string) => string, hook?: StackBuildHook): TerraformStackPlan[] {
  // Every registered cloud; one the environment has no account in plans none.
  return REGISTERED_CLOUDS.flatMap((cloud) => cloud.planStacks(scope, spec, stackId, hook));
}

/**
 * The Terraform stacks of one environment in their own cdktf `App`. Nothing is written: callers
 * render the stacks with `renderStack`; `app.synth()` must not be called (`outdir` is a harmless
 * relative placeholder, never used).
 */
export function buildTerraformEstate(spec: EnvironmentSpec): { app: App; stacks: TerraformStack[]; entries: TerraformStackEntry[] } {
  const { app, plans } = planTerraformEstate(spec);
  const entries = buildPlans(plans);
  return { app, stacks: entries.map((entry) => entry.stack), entries };
}

/**
 * The Terraform stacks of one environment in their own cdktf `App`, planned in apply order and
 * built on demand (`planCloudStacks`): what the synth uses, so that a stack the cache holds is never
 * built. `hook` wraps each stack's build.
 */
export function planTerraformEstate(spec: EnvironmentSpec, hook?: StackBuildHook): { app: App; plans: TerraformStackPlan[] } {
  // stackTraces off: construct creation stack traces are metadata full of absolute paths.
  const app = new App({ outdir: 'cdktf.out', stackTraces: false });
  return { app, plans: planTerraformStacks(app, spec, (name) => name, hook) };
}
