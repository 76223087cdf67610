import type { TerraformElement } from 'cdktf';

/**
 * Names a Terraform block of a helper construct `<helper id>-<block id>` (`state-key-vault`,
 * `ci-plan-reader`) instead of cdktf's default for nested constructs, which appends a hash of the
 * path (`state-key_vault_798BBB98`): readable addresses in plans, state and reviews. For helpers
 * placed directly in a stack, whose ids are unique there. Call it on the new element, before
 * anything references it (cdktf fixes the name at the first reference). Renaming either id still
 * moves the resource, like any construct id.
 */
export function flat<T extends TerraformElement>(element: T): T {
  const helper = element.node.scope;
  if (helper === undefined) throw new Error(`${element.node.path}: a Terraform element without a scope`);
  element.overrideLogicalId(`${helper.node.id}-${element.node.id}`);
  return element;
}
