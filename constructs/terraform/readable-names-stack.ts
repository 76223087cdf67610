import { type TerraformElement, TerraformStack } from 'cdktf';
import type { Construct, Node } from 'constructs';

/**
 * A construct with this id adds nothing to the names of its resources (as in the AWS CDK): wrapping
 * existing resources in a construct keeps their Terraform addresses.
 */
export const HIDDEN_ID = 'Default';

/** Terraform identifiers: a letter or underscore, then letters, digits, underscores and dashes. */
const TERRAFORM_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A stack whose resources get readable addresses: a resource's name is its construct path below
 * the stack joined with `-` (`log-bucket`, `ci-plan-role`), not cdktf's default hashed name
 * (`log_bucket_1A2B3C4D`), so that reviewers can read plans and the synthesized diff. Two paths that
 * would join to the same name throw, as does a path that is not a Terraform identifier.
 */
export abstract class ReadableNamesStack extends TerraformStack {
  private readonly logicalIds = new Map<string, string>();

  /**
   * @param label names the stack in errors, e.g. `prod: aws-foundation`.
   */
  constructor(
    scope: Construct,
    id: string,
    private readonly label: string,
  ) {
    super(scope, id);
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = 'node' in element ? element.node : element;
    const scopes = node.scopes;
    const name = scopes
      .slice(scopes.indexOf(this) + 1)
      .map((scope) => scope.node.id)
      .filter((id) => id !== HIDDEN_ID)
      .join('-');
    if (!TERRAFORM_IDENTIFIER.test(name)) {
      throw new Error(`${this.label}: construct path ${node.path} gives the Terraform name "${name}", which is not an identifier (use letters, digits, - and _ in construct ids)`);
    }
    const owner = this.logicalIds.get(name);
    if (owner !== undefined && owner !== node.path) {
      throw new Error(`${this.label}: ${node.path} and ${owner} both get the Terraform name "${name}"; rename one construct id`);
    }
    this.logicalIds.set(name, node.path);
    return name;
  }
}
