import { blocks, stringAt, stringsAt } from '../inspect/attributes';
import { isServiceWildcardAction, isWildcardAction, readPolicy } from '../inspect/iam-policy';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformRule, TerraformRuleContext } from '../types';

/** AWS-managed policies that allow every action: attaching one is the same as `Action: "*"`. */
const ALL_ACTIONS_MANAGED_POLICIES: ReadonlySet<string> = new Set(['arn:aws:iam::aws:policy/AdministratorAccess']);

/** Resources that carry an IAM policy document, and the attribute that holds it. */
const POLICY_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_iam_policy: 'policy',
  aws_iam_role_policy: 'policy',
  aws_iam_user_policy: 'policy',
  aws_iam_group_policy: 'policy',
};

/**
 * Production grants no identity every action: no `Allow` of `*` (or `NotAction`, which allows all
 * but a list) in AWS policies, no `Allow` of a whole service (`iam:*`, `kms:*`) on every resource
 * (`*`), no attached `AdministratorAccess`, no `*` in Azure custom role actions. A service
 * wildcard scoped to named resources (`iam:*` on `role/prod-*`) passes. Policies that cannot be read
 * at synth fail: a grant nobody can review is not least privilege. A policy used as a permissions
 * boundary (named by a role's `permissions_boundary` or an `iam:PermissionsBoundary` condition of
 * the stack) grants nothing, it caps: it is not checked.
 */
export const tfProdNoWildcardIamAction: TerraformRule = {
  id: 'tf-prod-no-wildcard-iam-action',
  engine: 'terraform',
  level: 'error',
  title: 'Production IAM policies allow named actions only',
  rationale:
    'A wildcard action grants every permission the cloud will ever add, including identity and key administration. ' +
    'Naming the actions keeps a compromised CI job or workload to what its role actually needs.',
  controls: {
    soc2: ['CC6.1', 'CC6.3'],
    pciDss: ['7.2.1', '7.2.2', '7.2.5'],
    iso27001: ['A.5.15', 'A.8.2'],
    gdpr: ['Art. 25', 'Art. 32'],
  },
  resourceTypes: [...Object.keys(POLICY_ATTRIBUTE), 'aws_iam_role', 'aws_iam_role_policy_attachment', 'aws_iam_policy_attachment', 'azurerm_role_definition'],
  check(resource, context) {
    const attribute = POLICY_ATTRIBUTE[resource.type];
    if (resource.type === 'aws_iam_policy' && isPermissionsBoundary(`\${${resource.type}.${resource.name}.arn}`, context)) return COMPLIANT;
    if (attribute !== undefined) return checkPolicy(resource.attributes[attribute], attribute, context);
    if (resource.type === 'aws_iam_role') {
      const inline = blocks(resource.attributes.inline_policy);
      for (const [i, policy] of inline.entries()) {
        const outcome = checkPolicy(policy.policy, `inline_policy[${i}].policy`, context);
        if (!outcome.compliant) return outcome;
      }
      return checkManaged(stringsAt(resource.attributes, 'managed_policy_arns'), 'managed_policy_arns');
    }
    if (resource.type === 'azurerm_role_definition') {
      for (const [i, permissions] of blocks(resource.attributes.permissions).entries()) {
        const actions = stringsAt(permissions, 'actions');
        if (actions.includes('*')) {
          return nonCompliant(
            `permissions[${i}].actions`,
            actions,
            'the custom role allows every action',
            'list the actions the role needs (e.g. Microsoft.Storage/storageAccounts/read)',
          );
        }
      }
      return COMPLIANT;
    }
    return checkManaged(stringsAt(resource.attributes, 'policy_arn'), 'policy_arn');
  },
};

function checkPolicy(policy: unknown, field: string, context: TerraformRuleContext): RuleOutcome {
  const statements = readPolicy(policy, context.stackResources);
  if (statements === undefined) {
    return nonCompliant(
      field,
      '(not readable at synth)',
      'the policy cannot be read at synth, so its actions cannot be reviewed',
      'write the policy as an aws_iam_policy_document, JSON or Fn.jsonencode of literals',
    );
  }
  for (const [i, statement] of statements.entries()) {
    if (statement.effect !== 'Allow') continue;
    const wildcard = statement.actions.find(isWildcardAction);
    if (wildcard !== undefined) {
      return nonCompliant(`${field}.Statement[${i}].Action`, wildcard, 'the policy allows every action of every service', 'list the actions the identity needs');
    }
    const serviceWildcard = statement.actions.find(isServiceWildcardAction);
    if (serviceWildcard !== undefined && statement.resources.includes('*')) {
      return nonCompliant(
        `${field}.Statement[${i}].Action`,
        serviceWildcard,
        `the policy allows every action of ${serviceWildcard.split(':')[0]} on every resource of the account`,
        'scope the statement to the resources the identity manages (ARNs by name prefix), or list the actions it needs',
      );
    }
    if (statement.notActions.length > 0) {
      return nonCompliant(
        `${field}.Statement[${i}].NotAction`,
        statement.notActions,
        'Allow with NotAction grants every action but the listed ones',
        'allow a list of actions instead',
      );
    }
  }
  return COMPLIANT;
}

/** Whether the policy `arnReference` (`${aws_iam_policy.x.arn}`) is a permissions boundary in the stack. */
function isPermissionsBoundary(arnReference: string, context: TerraformRuleContext): boolean {
  return context.stackResources.some((view) => {
    if (view.type === 'aws_iam_role') return stringAt(view.attributes, 'permissions_boundary') === arnReference;
    if (view.mode !== 'data' || view.type !== 'aws_iam_policy_document') return false;
    return blocks(view.attributes.statement).some((statement) =>
      blocks(statement.condition).some((c) => c.variable === 'iam:PermissionsBoundary' && stringsAt(c, 'values').includes(arnReference)),
    );
  });
}

function checkManaged(arns: readonly string[], field: string): RuleOutcome {
  const admin = arns.find((arn) => ALL_ACTIONS_MANAGED_POLICIES.has(arn));
  if (admin === undefined) return COMPLIANT;
  return nonCompliant(field, admin, 'AdministratorAccess allows every action on every resource', 'attach a policy that lists the actions the identity needs');
}
