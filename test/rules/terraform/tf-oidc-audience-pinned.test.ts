import { tfOidcAudiencePinned as rule } from '../../../constructs/rules/terraform/tf-oidc-audience-pinned';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, resource } from '../fixtures';
import { federatedCredential, githubProvider, githubRole, poolProvider, REPOSITORY, serviceRole } from '../identity-fixtures';

describe('tf-oidc-audience-pinned', () => {
  it("accepts GitHub's OIDC provider with sts.amazonaws.com as its only client id", () => {
    expectCompliant(checkTerraform(rule, githubProvider, [githubProvider]));
  });

  it('rejects an OIDC provider that accepts other audiences', () => {
    const loose = resource('aws_iam_openid_connect_provider', 'github', {
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com', 'https://github.com/acme'],
    });
    expectFailure(checkTerraform(rule, loose, [loose]), { field: 'client_id_list' });
  });

  it('does not check OIDC providers of other issuers (an EKS cluster)', () => {
    const eks = resource('aws_iam_openid_connect_provider', 'eks', { url: '${aws_eks_cluster.cluster.identity[0].oidc[0].issuer}', client_id_list: ['sts.amazonaws.com'] });
    expectNotApplicable(checkTerraform(rule, eks, [eks]));
  });

  it('accepts a GitHub role that requires aud sts.amazonaws.com', () => {
    const pinned = githubRole('ci-plan-role', [`repo:${REPOSITORY}:pull_request`]);
    expectCompliant(checkTerraform(rule, pinned.role, [pinned.role, pinned.trust, githubProvider]));
  });

  it('rejects a GitHub role without an aud condition or with another audience', () => {
    const open = githubRole('ci-plan-role', [`repo:${REPOSITORY}:pull_request`], { audience: null });
    expectFailure(checkTerraform(rule, open.role, [open.role, open.trust, githubProvider]), { field: /:aud$/, value: undefined });
    const other = githubRole('ci-plan-role', [`repo:${REPOSITORY}:pull_request`], { audience: ['api://AzureADTokenExchange'] });
    expectFailure(checkTerraform(rule, other.role, [other.role, other.trust, githubProvider]), { field: /:aud$/, value: ['api://AzureADTokenExchange'] });
  });

  it('does not check roles without a GitHub trust', () => {
    const { role, trust } = serviceRole('cluster-role', 'eks.amazonaws.com');
    expectNotApplicable(checkTerraform(rule, role, [role, trust]));
  });

  it('accepts an Azure credential for api://AzureADTokenExchange only', () => {
    const good = federatedCredential('plan', { subject: `repo:${REPOSITORY}:pull_request` });
    expectCompliant(checkTerraform(rule, good, [good]));
    const other = federatedCredential('plan', { subject: `repo:${REPOSITORY}:pull_request`, audience: ['api://something-else'] });
    expectFailure(checkTerraform(rule, other, [other]), { field: 'audience', value: ['api://something-else'] });
  });

  it('accepts a GCP provider with the default audience', () => {
    const defaulted = poolProvider({ attribute_condition: `assertion.repository == '${REPOSITORY}'` });
    expectCompliant(checkTerraform(rule, defaulted, [defaulted]));
  });

  it('rejects a GCP provider with a wildcard audience', () => {
    const wildcard = poolProvider({ oidc: { issuer_uri: 'https://token.actions.githubusercontent.com', allowed_audiences: ['*'] } });
    expectFailure(checkTerraform(rule, wildcard, [wildcard]), { field: 'oidc.allowed_audiences', value: ['*'] });
  });
});
