import { stringsAt } from '../inspect/attributes';
import { AWS_GITHUB_AUDIENCE, AZURE_FEDERATION_AUDIENCE, awsGithubTrust, GITHUB_OIDC_HOST, trustsGithubIssuer } from '../inspect/github-oidc';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { TerraformRule } from '../types';

/**
 * GitHub tokens are accepted only for the audience of the cloud that exchanges them: AWS
 * `sts.amazonaws.com` (the OIDC provider's client ids and the role's `aud` condition), Azure
 * `api://AzureADTokenExchange`. A GCP pool provider without `allowed_audiences` accepts its own
 * resource name only, which is the pinned default; with the setting, no entry may be a wildcard.
 */
export const tfOidcAudiencePinned: TerraformRule = {
  id: 'tf-oidc-audience-pinned',
  engine: 'terraform',
  level: 'error',
  title: 'CI identities accept GitHub tokens minted for their cloud only',
  rationale:
    'A token requested for another audience (another cloud, a third-party service) must not be replayable against ' +
    'our roles. Pinning the audience confines each token to the exchange it was issued for.',
  controls: {
    soc2: ['CC6.1'],
    pciDss: ['8.3.1'],
    iso27001: ['A.8.5'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_iam_openid_connect_provider', 'aws_iam_role', 'azurerm_federated_identity_credential', 'google_iam_workload_identity_pool_provider'],
  check(resource, context) {
    if (resource.type === 'aws_iam_openid_connect_provider') {
      if (!String(resource.attributes.url ?? '').includes(GITHUB_OIDC_HOST)) return NOT_APPLICABLE;
      const clients = stringsAt(resource.attributes, 'client_id_list');
      if (clients.length > 0 && clients.every((c) => c === AWS_GITHUB_AUDIENCE)) return COMPLIANT;
      return nonCompliant('client_id_list', clients, `the provider accepts audiences other than ${AWS_GITHUB_AUDIENCE}`, `set client_id_list = ["${AWS_GITHUB_AUDIENCE}"]`);
    }
    if (resource.type === 'aws_iam_role') {
      const trust = awsGithubTrust(resource, context.stackResources, context.environmentResources);
      // An unreadable trust policy is reported by tf-oidc-subject-scoped.
      if (trust === undefined || trust.length === 0) return NOT_APPLICABLE;
      const loose = trust.find((s) => s.audiences.length === 0 || s.audiences.some((a) => a !== AWS_GITHUB_AUDIENCE));
      if (loose === undefined) return COMPLIANT;
      return nonCompliant(
        `assume_role_policy.Statement[${loose.index}].Condition.${GITHUB_OIDC_HOST}:aud`,
        loose.audiences.length === 0 ? undefined : loose.audiences,
        `the role does not require the audience ${AWS_GITHUB_AUDIENCE}`,
        `add StringEquals ${GITHUB_OIDC_HOST}:aud = "${AWS_GITHUB_AUDIENCE}"`,
      );
    }
    if (!trustsGithubIssuer(resource)) return NOT_APPLICABLE;
    if (resource.type === 'azurerm_federated_identity_credential') {
      const audiences = stringsAt(resource.attributes, 'audience');
      if (audiences.length === 1 && audiences[0] === AZURE_FEDERATION_AUDIENCE) return COMPLIANT;
      return nonCompliant('audience', audiences, `the credential does not accept exactly ${AZURE_FEDERATION_AUDIENCE}`, `set audience = ["${AZURE_FEDERATION_AUDIENCE}"]`);
    }
    const allowed = stringsAt(resource.attributes, 'oidc.allowed_audiences');
    if (allowed.every((a) => a !== '' && !a.includes('*'))) return COMPLIANT;
    return nonCompliant(
      'oidc.allowed_audiences',
      allowed,
      'the pool provider accepts any audience',
      'remove allowed_audiences (the provider then accepts only its own resource name) or list exact audiences',
    );
  },
};
