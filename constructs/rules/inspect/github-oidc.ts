import type { TerraformResourceView } from '../types';
import { stringAt } from './attributes';
import { type PolicyStatement, readPolicy } from './iam-policy';
import { referencedView, resourcesOfType } from './references';

/** Host of GitHub Actions' OIDC issuer; its claims are named `<host>:sub`, `<host>:aud` in AWS. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';

/** The audience AWS STS expects in GitHub's tokens. */
export const AWS_GITHUB_AUDIENCE = 'sts.amazonaws.com';

/** The audience Entra ID expects in federated tokens. */
export const AZURE_FEDERATION_AUDIENCE = 'api://AzureADTokenExchange';

/** Operators under which a `sub` condition restricts who may assume (negations restrict nothing). */
const RESTRICTING_TESTS = /^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?$/;

/** A statement of an AWS trust policy that lets GitHub Actions assume the role. */
export interface GithubTrustStatement {
  readonly index: number;
  readonly statement: PolicyStatement;
  /** Values of the `sub` conditions; empty when the statement has none (any repository of any owner). */
  readonly subjects: readonly string[];
  /** Values of the `aud` conditions; empty when none. */
  readonly audiences: readonly string[];
}

/**
 * The statements of an `aws_iam_role`'s trust policy through which GitHub Actions' OIDC tokens
 * assume the role: `sts:AssumeRoleWithWebIdentity` from a federated principal that is GitHub's
 * provider (by ARN, or by reference to an `aws_iam_openid_connect_provider` of GitHub's URL), or
 * with conditions on GitHub's claims. `undefined` when the trust policy cannot be read at synth.
 */
export function awsGithubTrust(
  role: TerraformResourceView,
  stackResources: readonly TerraformResourceView[],
  environmentResources: readonly TerraformResourceView[],
): GithubTrustStatement[] | undefined {
  const statements = readPolicy(role.attributes.assume_role_policy, stackResources);
  if (statements === undefined) return undefined;
  return statements.flatMap((statement, index): GithubTrustStatement[] => {
    if (statement.effect !== 'Allow') return [];
    const webIdentity = statement.actions.some((a) => a === 'sts:AssumeRoleWithWebIdentity' || a === 'sts:*' || a === '*');
    if (!webIdentity) return [];
    const federated = statement.principals.filter((p) => p.type === 'Federated').flatMap((p) => p.identifiers);
    const github =
      federated.some((id) => id.includes(GITHUB_OIDC_HOST) || isGithubProviderReference(id, environmentResources)) ||
      statement.conditions.some((c) => c.variable.startsWith(`${GITHUB_OIDC_HOST}:`));
    if (!github) return [];
    const claim = (name: string): string[] =>
      statement.conditions.filter((c) => c.variable === `${GITHUB_OIDC_HOST}:${name}` && RESTRICTING_TESTS.test(c.test)).flatMap((c) => c.values);
    return [{ index, statement, subjects: claim('sub'), audiences: claim('aud') }];
  });
}

function isGithubProviderReference(identifier: string, resources: readonly TerraformResourceView[]): boolean {
  const provider = referencedView(identifier, resourcesOfType(resources, 'aws_iam_openid_connect_provider'));
  return provider !== undefined && String(provider.attributes.url ?? '').includes(GITHUB_OIDC_HOST);
}

/** Whether an Azure federated credential or a GCP pool provider trusts GitHub's issuer. */
export function trustsGithubIssuer(resource: TerraformResourceView): boolean {
  if (resource.type === 'azurerm_federated_identity_credential') return String(resource.attributes.issuer ?? '').includes(GITHUB_OIDC_HOST);
  if (resource.type === 'google_iam_workload_identity_pool_provider') return (stringAt(resource.attributes, 'oidc.issuer_uri') ?? '').includes(GITHUB_OIDC_HOST);
  return false;
}

/**
 * What is wrong with a GitHub `sub` claim pattern for `repository` (`owner/name`), or `undefined`:
 * it must start with `repo:<owner/name>:` (GitHub's default subject format) and say which refs,
 * environments or events of that repository follow.
 */
export function subjectProblem(subject: string, repository: string): string | undefined {
  const prefix = `repo:${repository}:`;
  if (subject === '*' || /^repo:\*/.test(subject)) return `"${subject}" lets any GitHub repository assume it`;
  if (!subject.toLowerCase().startsWith(prefix.toLowerCase())) return `"${subject}" does not name the repository ${repository}`;
  if (subject.length === prefix.length) return `"${subject}" names no ref, environment or event`;
  return undefined;
}

/** The subject GitHub writes for jobs of a deployment environment. */
export function environmentSubject(repository: string, environment: string): string {
  return `repo:${repository}:environment:${environment}`;
}
