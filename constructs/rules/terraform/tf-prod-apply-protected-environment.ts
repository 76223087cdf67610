import { stringAt, stringsAt } from '../inspect/attributes';
import { awsGithubTrust, environmentSubject, trustsGithubIssuer } from '../inspect/github-oidc';
import { referencedView, resourcesOfType } from '../inspect/references';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext } from '../types';

/**
 * How an identity is recognised as the one that applies: its Terraform name or its cloud name
 * contains `apply` (`ci-apply-role`, `prod-terraform-apply`). The convention every cloud's CI
 * identities follow; a plan identity must not contain the word.
 */
export const APPLY_IDENTITY = /apply/i;

/**
 * In production the identity that applies Terraform trusts nothing but jobs of the protected GitHub
 * deployment environment (`infrastructure.ci.applyFrom`, kind `environment`): subject
 * `repo:<repository>:environment:<name>`, which GitHub issues only after the environment's required
 * reviewers approved and only for its allowed branches. A branch subject would let anyone who can
 * push to that branch (or rewrite a workflow on it) apply to production.
 */
export const tfProdApplyProtectedEnvironment: TerraformRule = {
  id: 'tf-prod-apply-protected-environment',
  engine: 'terraform',
  level: 'error',
  title: 'The production apply identity trusts only the protected deployment environment',
  rationale:
    'Applying to production changes live systems. Tying the apply credentials to a GitHub environment with required ' +
    'reviewers enforces a second person on every production change, in the identity provider rather than by convention.',
  controls: {
    soc2: ['CC6.3', 'CC8.1'],
    pciDss: ['6.5.1', '6.5.3', '7.2.2'],
    iso27001: ['A.8.2', 'A.8.31', 'A.8.32'],
    gdpr: ['Art. 25', 'Art. 32'],
  },
  resourceTypes: ['aws_iam_role', 'azurerm_federated_identity_credential', 'google_service_account_iam_member', 'google_service_account_iam_binding'],
  check(resource, context) {
    if (!isApplyIdentity(resource, context)) return NOT_APPLICABLE;
    const { repository, applyFrom } = context.environment.infrastructure.ci;
    if (applyFrom.kind !== 'environment') {
      return nonCompliant(
        'infrastructure.ci.applyFrom.kind',
        applyFrom.kind,
        `${context.environment.name} is a production environment but applies from a branch`,
        "set infrastructure.ci.applyFrom to { kind: 'environment', name: 'production' } and protect that GitHub environment with required reviewers",
      );
    }
    const wanted = environmentSubject(repository, applyFrom.name);
    if (resource.type === 'aws_iam_role') return checkAws(resource, context, wanted);
    if (resource.type === 'azurerm_federated_identity_credential') {
      if (!trustsGithubIssuer(resource)) return NOT_APPLICABLE;
      const subject = stringAt(resource.attributes, 'subject');
      if (subject === wanted) return COMPLIANT;
      return nonCompliant('subject', subject, `the apply identity trusts ${subject ?? 'no subject'}, not the protected environment`, `set subject = "${wanted}"`);
    }
    return checkGcp(resource, wanted, applyFrom.name);
  },
};

function checkAws(role: TerraformResourceView, context: TerraformRuleContext, wanted: string): RuleOutcome {
  const trust = awsGithubTrust(role, context.stackResources, context.environmentResources);
  if (trust === undefined || trust.length === 0) return NOT_APPLICABLE;
  for (const statement of trust) {
    const other = statement.subjects.find((s) => s !== wanted);
    if (statement.subjects.length === 0 || other !== undefined) {
      return nonCompliant(
        `assume_role_policy.Statement[${statement.index}].Condition.token.actions.githubusercontent.com:sub`,
        other,
        'the production apply role trusts more than the protected deployment environment',
        `require StringEquals token.actions.githubusercontent.com:sub = "${wanted}" and nothing else`,
      );
    }
  }
  return COMPLIANT;
}

function checkGcp(grant: TerraformResourceView, wanted: string, environment: string): RuleOutcome {
  if (stringAt(grant.attributes, 'role') !== 'roles/iam.workloadIdentityUser') return NOT_APPLICABLE;
  const members = grant.type === 'google_service_account_iam_member' ? stringsAt(grant.attributes, 'member') : stringsAt(grant.attributes, 'members');
  const federated = members.filter((m) => m.startsWith('principal://') || m.startsWith('principalSet://'));
  const other = federated.find((m) => !m.endsWith(`/subject/${wanted}`) && !m.endsWith(`/attribute.environment/${environment}`));
  if (other === undefined) return COMPLIANT;
  return nonCompliant(
    grant.type === 'google_service_account_iam_member' ? 'member' : 'members',
    other,
    'the production apply service account may be impersonated by more than the protected deployment environment',
    `grant roles/iam.workloadIdentityUser to principal://.../subject/${wanted} only`,
  );
}

/** Whether the resource is (or grants access to) the identity that applies Terraform. */
function isApplyIdentity(resource: TerraformResourceView, context: TerraformRuleContext): boolean {
  const own = [resource.name, stringAt(resource.attributes, 'name')];
  if (resource.type === 'azurerm_federated_identity_credential') {
    const identity = referencedView(resource.attributes.parent_id, resourcesOfType(context.stackResources, 'azurerm_user_assigned_identity'));
    own.push(identity?.name, identity === undefined ? undefined : stringAt(identity.attributes, 'name'));
  }
  if (resource.type === 'google_service_account_iam_member' || resource.type === 'google_service_account_iam_binding') {
    const account = referencedView(resource.attributes.service_account_id, resourcesOfType(context.stackResources, 'google_service_account'));
    own.push(account?.name, account === undefined ? undefined : stringAt(account.attributes, 'account_id'));
  }
  return own.some((name) => name !== undefined && APPLY_IDENTITY.test(name));
}
