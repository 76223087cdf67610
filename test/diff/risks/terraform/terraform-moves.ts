import { parse } from '@cdktf/hcl2json';
import { compareUnits } from '../../../../apps/diff/compare-units';
import type { JsonObject, TerraformUnit } from '../../../../apps/diff/estate-unit';
import { terraformUnits } from '../../../../apps/diff/read/terraform-units';
import type { UnitChange } from '../../../../apps/diff/unit-change';

/** One side of a move: the block at `address` in the main.tf `text` of `stack`. */
export interface BlockAt {
  readonly address: string;
  readonly text: string;
  readonly stack?: string;
}

/**
 * A Terraform block that changed address or stack, as the diff compares it (test/diff/unit-changes.ts
 * keeps one address on both sides). `declaredMove` is what the diff sets when the head stack holds a
 * `moved { from, to }` block for it.
 */
export async function terraformMove(from: BlockAt, to: BlockAt, declaredMove: boolean, environment = 'prod'): Promise<UnitChange<TerraformUnit>> {
  const unit = async (side: BlockAt): Promise<TerraformUnit> => {
    const stack = side.stack ?? 'aws-foundation';
    const hcl = (await parse('main.tf', side.text)) as JsonObject;
    const found = terraformUnits(`dist/terraform/${environment}/${stack}/main.tf`, environment, stack, hcl).units.find((u) => u.address === side.address);
    if (found === undefined) throw new Error(`no block ${side.address} in the text`);
    return found;
  };
  const change = compareUnits(await unit(from), await unit(to));
  if (change === undefined) throw new Error('the two sides are equal');
  return { ...change, declaredMove };
}
