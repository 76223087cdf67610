import type { TerraformStack } from 'cdktf';

/** One Terraform root module of an environment, and the root modules it reads state from. */
export interface TerraformStackEntry {
  /**
   * Stable stack name: the folder `dist/terraform/<env>/<name>/` and the state object key, e.g.
   * `aws-foundation`, `aws-network-prod-eks-euw1`. Never the construct id (the CLI app prefixes it).
   */
  readonly name: string;
  readonly stack: TerraformStack;
  /** Stacks that must be applied first: the ones whose remote state this stack reads. */
  readonly dependsOn: readonly string[];
}

/** A stack of an environment, named and ordered, not yet built. */
export interface TerraformStackPlan {
  /** As `TerraformStackEntry.name`. */
  readonly name: string;
  /** As `TerraformStackEntry.dependsOn`: known before anything is built. */
  readonly dependsOn: readonly string[];
  /** Builds the stack (and the stacks it stands on) the first time; the same stack after. */
  readonly build: () => TerraformStack;
}

/** Wraps the build of the stack `name` (every stack is built through it exactly once). */
export type StackBuildHook = <S extends TerraformStack>(name: string, build: () => S) => S;

/** Every plan built, in order. */
export function buildPlans(plans: readonly TerraformStackPlan[]): TerraformStackEntry[] {
  return plans.map((plan) => ({ name: plan.name, stack: plan.build(), dependsOn: plan.dependsOn }));
}
