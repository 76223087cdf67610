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
