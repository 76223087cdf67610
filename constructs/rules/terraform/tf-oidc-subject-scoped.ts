import { stringAt } from '../inspect/attributes';
import { awsGithubTrust, subjectProblem, trustsGithubIssuer } from '../inspect/github-oidc';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext } from '../types';

/**
 * Trust in GitHub Actions' OIDC tokens is scoped to the environment's CI repository
 * (`infrastructure.ci.repository`): an AWS role's `sub` conditions, an Azure federated credential's
 * `subject`, and a GCP pool provider's `attribute_condition` all name it. Without that, any GitHub
 * repository, anyone's, can obtain the cloud credentials.
 */
export const tfOidcSubjectScoped: TerraformRule = {
  id: 'tf-oidc-subject-scoped',
  engine: 'terraform',
  level: 'error',
  title: "CI identities trust only the environment's GitHub repository",
  rationale:
    'GitHub issues OIDC tokens to every workflow of every repository on github.com. A trust without a subject ' +
    'condition naming our repository (or with `repo:*`) hands the role to any GitHub user who asks for it.',
  controls: {
    soc2: ['CC6.1', 'CC6.2', 'CC6.3'],
    pciDss: ['7.2.1', '7.2.2', '8.2.2'],
    iso27001: ['A.5.15', 'A.5.18', 'A.8.2', 'A.8.5'],
    gdpr: ['Art. 25', 'Art. 32'],
  },
  resourceTypes: ['aws_iam_role', 'azurerm_federated_identity_credential', 'google_iam_workload_identity_pool_provider'],
  check(resource, context) {
    const repository = context.environment.infrastructure.ci.repository;
    if (resource.type === 'aws_iam_role') return checkAws(resource, context, repository);
    if (!trustsGithubIssuer(resource)) return NOT_APPLICABLE;
    if (resource.type === 'azurerm_federated_identity_credential') {
      const subject = stringAt(resource.attributes, 'subject') ?? '';
      const problem = subjectProblem(subject, repository);
      if (problem === undefined) return COMPLIANT;
      return nonCompliant('subject', subject, `the federated credential's subject ${problem}`, `set subject = "repo:${repository}:<ref|environment|pull_request>"`);
    }
    const condition = stringAt(resource.attributes, 'attribute_condition');
    if (condition !== undefined && namesRepository(condition, repository)) return COMPLIANT;
    return nonCompliant(
      'attribute_condition',
      condition,
      condition === undefined
        ? 'the pool provider accepts tokens of every GitHub repository (no attribute_condition)'
        : `the attribute_condition does not compare the repository claim with ${repository}`,
      `set attribute_condition = "assertion.repository == '${repository}'"`,
    );
  },
};

function checkAws(role: TerraformResourceView, context: TerraformRuleContext, repository: string): RuleOutcome {
  const trust = awsGithubTrust(role, context.stackResources, context.environmentResources);
  if (trust === undefined) {
    return nonCompliant(
      'assume_role_policy',
      '(not readable at synth)',
      'the trust policy cannot be read at synth, so its GitHub subjects cannot be checked',
      'write the trust policy as an aws_iam_policy_document, JSON or Fn.jsonencode of literals',
    );
  }
  if (trust.length === 0) return NOT_APPLICABLE;
  for (const statement of trust) {
    const field = `assume_role_policy.Statement[${statement.index}].Condition`;
    if (statement.subjects.length === 0) {
      return nonCompliant(
        field,
        undefined,
        'the role trusts GitHub tokens without a token.actions.githubusercontent.com:sub condition: any repository may assume it',
        `add StringLike token.actions.githubusercontent.com:sub = "repo:${repository}:<ref|environment>"`,
      );
    }
    for (const subject of statement.subjects) {
      const problem = subjectProblem(subject, repository);
      if (problem !== undefined) {
        return nonCompliant(
          `${field}.token.actions.githubusercontent.com:sub`,
          subject,
          `the sub condition ${problem}`,
          `scope the condition to "repo:${repository}:<ref|environment>"`,
        );
      }
    }
  }
  return COMPLIANT;
}

/**
 * Whether a CEL condition compares a claim with the repository as a quoted literal
 * (`assertion.repository == 'acme/x'`, `assertion.sub.startsWith('repo:acme/x:')`).
 */
function namesRepository(condition: string, repository: string): boolean {
  const escaped = repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(["'])(repo:)?${escaped}(:[^"']*)?\\1`, 'i').test(condition) && !/\|\|/.test(condition);
}
