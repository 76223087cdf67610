import type { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';

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

/**
 * Adds the stacks of one cloud for one environment, in apply order; none when the environment does
 * not use the cloud. `stackId` maps a stack name to its construct id.
 */
export type CloudStacks = (scope: Construct, spec: EnvironmentSpec, stackId: (name: string) => string) => TerraformStackEntry[];
