import type { Tier } from '../../core/tier';
import type { EstateRule } from '../estate/estate-rule';
import type { KubernetesRule, TerraformRule } from '../types';

/**
 * The rules one tier runs, per kind (cdk-nag's NagPack): a rule runs in an environment exactly
 * when the pack of its tier lists it, so a rule file says what it checks and a pack says where.
 */
export interface RulePack {
  readonly tier: Tier;
  readonly kubernetes: readonly KubernetesRule[];
  readonly terraform: readonly TerraformRule[];
  readonly estate: readonly EstateRule[];
}
