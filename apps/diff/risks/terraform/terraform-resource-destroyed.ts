import { type TerraformUnit, unitLabel } from '../../estate-unit';
import { highInProduction, type RiskContext, type RiskFinding, type RiskRule } from '../risk-rule';
import { budgetType, isCluster, statefulReason } from './resources';
import { preventsDestroy } from './terraform-body';

/** Why the destruction matters beyond the resource itself, appended to the reason. */
function weight(unit: TerraformUnit, context: RiskContext): { level: RiskFinding['level']; why: string } {
  const stateful = statefulReason(unit);
  if (stateful !== undefined) return { level: 'high', why: stateful };
  return { level: highInProduction(context.tier), why: `it is gone from ${context.tier} until something re-creates it` };
}

/**
 * A resource block that leaves a stack is destroyed at the next apply: Terraform plans `delete` for
 * an address in the state and not in the configuration. Its `lifecycle { prevent_destroy }` goes
 * with the block, so it protects nothing here. A block under another address (or in another stack)
 * is a destroy plus a create unless the head declares a `moved` block (moves never cross stacks:
 * each stack has its own state). A budget or a cluster removed is left to its own rule
 * (terraform-budget-lowered-or-removed, terraform-cluster-added-or-removed), which says what goes with
 * it, so one edit gives one finding.
 */
export const terraformResourceDestroyed: RiskRule<'terraform'> = {
  id: 'terraform-resource-destroyed',
  engine: 'terraform',
  title: 'a Terraform resource destroyed: its block removed, or renamed or moved to another stack without a moved block',
  check(change, context) {
    const base = change.base;
    if (base === undefined || base.block !== 'resource') return [];
    const { level, why } = weight(base, context);
    if (change.kind === 'removed') {
      if (budgetType(base) !== undefined || isCluster(base)) return [];
      const guard = preventsDestroy(base.body) ? '; its prevent_destroy goes with the block and does not stop this' : '';
      return [{ level, reason: `${unitLabel(base)} removed: Terraform destroys it at the next apply (${why})${guard}` }];
    }
    const head = change.head;
    if (change.kind !== 'moved' || head === undefined || change.declaredMove === true) return [];
    const how =
      head.stack !== base.stack || head.environment !== base.environment
        ? `moved to ${head.environment}/${head.stack}: the old stack's state still holds it, so it is destroyed there and created anew`
        : `renamed to ${head.address} without a moved block: Terraform destroys ${base.address} and creates ${head.address}`;
    return [{ level, reason: `${unitLabel(base)} replaced: ${how} (${why})` }];
  },
};
