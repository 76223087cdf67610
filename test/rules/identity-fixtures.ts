import type { TerraformResourceView } from '../../constructs/rules/types';
import { FIXTURE_REPOSITORY } from '../support/fixture-environment';
import { dataSource, ref, resource } from './fixtures';

/** The repository of the fixture specs' CI (infrastructure.ci.repository), which the trust rules compare subjects with. */
export const REPOSITORY = FIXTURE_REPOSITORY;

export const githubProvider = resource('aws_iam_openid_connect_provider', 'github', {
  url: 'https://token.actions.githubusercontent.com',
  client_id_list: ['sts.amazonaws.com'],
});

interface TrustCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** An AWS role trusting GitHub's OIDC provider with the given `sub` patterns (and `aud` pinned unless said). */
export function githubRole(
  name: string,
  subjects: readonly string[] | undefined,
  options: { readonly audience?: readonly string[] | null; readonly test?: string } = {},
): { role: TerraformResourceView; trust: TerraformResourceView } {
  const conditions: TrustCondition[] = [];
  if (options.audience !== null) conditions.push({ test: 'StringEquals', variable: 'token.actions.githubusercontent.com:aud', values: options.audience ?? ['sts.amazonaws.com'] });
  if (subjects !== undefined) conditions.push({ test: options.test ?? 'StringLike', variable: 'token.actions.githubusercontent.com:sub', values: subjects });
  const trust = dataSource('aws_iam_policy_document', `${name}-trust`, {
    statement: [
      {
        effect: 'Allow',
        actions: ['sts:AssumeRoleWithWebIdentity'],
        principals: [{ type: 'Federated', identifiers: [ref(githubProvider, 'arn')] }],
        condition: conditions,
      },
    ],
  });
  const role = resource('aws_iam_role', name, { name: `prod-terraform-${name.replace(/^ci-/, '').replace(/-role$/, '')}`, assume_role_policy: ref(trust, 'json') });
  return { role, trust };
}

/** An AWS role a service (EKS, S3) assumes: no GitHub trust at all. */
export function serviceRole(name: string, service: string): { role: TerraformResourceView; trust: TerraformResourceView } {
  const trust = dataSource('aws_iam_policy_document', `${name}-trust`, {
    statement: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: [service] }] }],
  });
  return { role: resource('aws_iam_role', name, { name, assume_role_policy: ref(trust, 'json') }), trust };
}

export function federatedCredential(name: string, attributes: Record<string, unknown>): TerraformResourceView {
  return resource('azurerm_federated_identity_credential', name, {
    issuer: 'https://token.actions.githubusercontent.com',
    audience: ['api://AzureADTokenExchange'],
    parent_id: '${azurerm_user_assigned_identity.ci-plan.id}',
    ...attributes,
  });
}

export function poolProvider(attributes: Record<string, unknown>): TerraformResourceView {
  return resource('google_iam_workload_identity_pool_provider', 'ci-github', {
    workload_identity_pool_provider_id: 'github',
    oidc: { issuer_uri: 'https://token.actions.githubusercontent.com' },
    ...attributes,
  });
}
