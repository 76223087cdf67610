import { parse } from '@cdktf/hcl2json';
import { compareUnits } from '../../apps/diff/compare-units';
import type { ComplianceUnit, Engine, EstateUnit, JsonObject, KubernetesUnit, TerraformUnit } from '../../apps/diff/estate-unit';
import { complianceUnits } from '../../apps/diff/read/compliance-units';
import { kubernetesUnit } from '../../apps/diff/read/kubernetes-units';
import { terraformUnits } from '../../apps/diff/read/terraform-units';
import type { RiskFinding, RiskRule } from '../../apps/diff/risks/risk-rule';
import type { UnitChange } from '../../apps/diff/unit-change';
import type { Tier } from '../../constructs/core/tier';

/**
 * Builders of unit changes for the risk rule tests: objects and HCL as dist/ holds them, read by
 * the diff's own readers, compared by its own comparison.
 */

export function kubernetesChange(base: object | undefined, head: object | undefined, environment = 'prod'): UnitChange<KubernetesUnit> {
  const unit = (object: object | undefined): KubernetesUnit | undefined => {
    if (object === undefined) return undefined;
    const read = kubernetesUnit('dist/k8s/test/object.yaml', environment, object as JsonObject);
    if (read === undefined) throw new Error('not a Kubernetes object: it needs apiVersion and kind');
    return read;
  };
  return changed(compareUnits(unit(base), unit(head)));
}

/**
 * The change of the Terraform block at `address` between two main.tf texts of stack `stack`
 * (`undefined` or a text without the block: added or removed).
 */
export async function terraformChange(
  address: string,
  base: string | undefined,
  head: string | undefined,
  options: { stack?: string; environment?: string } = {},
): Promise<UnitChange<TerraformUnit>> {
  const stack = options.stack ?? 'aws-foundation';
  const environment = options.environment ?? 'prod';
  const unit = async (text: string | undefined): Promise<TerraformUnit | undefined> => {
    if (text === undefined) return undefined;
    const hcl = (await parse('main.tf', text)) as JsonObject;
    return terraformUnits(`dist/terraform/${environment}/${stack}/main.tf`, environment, stack, hcl).units.find((u) => u.address === address);
  };
  return changed(compareUnits(await unit(base), await unit(head)));
}

/** The change of one compliance result (a line of dist/compliance/results/<env>.jsonl, with its suppression if any). */
export function complianceChange(base: object | undefined, head: object | undefined): UnitChange<ComplianceUnit> {
  const unit = (result: object | undefined): ComplianceUnit | undefined => {
    if (result === undefined) return undefined;
    const { environment } = result as { environment?: unknown };
    return complianceUnits(`dist/compliance/results/${String(environment)}.jsonl`, `${JSON.stringify(result)}\n`)[0];
  };
  return changed(compareUnits(unit(base), unit(head)));
}

/** What `rule` finds on `change` in an environment of `tier`. */
export function findings<E extends Engine>(rule: RiskRule<E>, change: UnitChange<Extract<EstateUnit, { engine: E }>>, tier: Tier = 'production'): readonly RiskFinding[] {
  return rule.check(change, { environment: change.environment, tier });
}

function changed<U extends EstateUnit>(change: UnitChange<U> | undefined): UnitChange<U> {
  if (change === undefined) throw new Error('the two sides are equal: a risk rule only sees changed units');
  return change;
}
