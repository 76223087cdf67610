import type { RiskRule } from '../risk-rule';
import { terraformBudgetLoweredOrRemoved } from './terraform-budget-lowered-or-removed';
import { terraformClusterAddedOrRemoved } from './terraform-cluster-added-or-removed';
import { terraformIamWidened } from './terraform-iam-widened';
import { terraformResourceDestroyed } from './terraform-resource-destroyed';
import { terraformResourceReplaced } from './terraform-resource-replaced';
import { terraformStorageWeakened } from './terraform-storage-weakened';

/** Risk rules on Terraform stacks. */
export const TERRAFORM_RISK_RULES: readonly RiskRule<'terraform'>[] = [
  terraformResourceDestroyed,
  terraformResourceReplaced,
  terraformStorageWeakened,
  terraformIamWidened,
  terraformBudgetLoweredOrRemoved,
  terraformClusterAddedOrRemoved,
];
