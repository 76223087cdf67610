import { tfOidcSubjectScoped as rule } from '../../../constructs/rules/terraform/tf-oidc-subject-scoped';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, resource } from '../fixtures';
import { federatedCredential, githubProvider, githubRole, poolProvider, REPOSITORY, serviceRole } from '../identity-fixtures';

describe('tf-oidc-subject-scoped', () => {
  it("accepts an AWS role whose sub conditions name the spec's repository", () => {
    const { role, trust } = githubRole('ci-plan-role', [`repo:${REPOSITORY}:pull_request`, `repo:${REPOSITORY}:ref:refs/heads/*`]);
    expectCompliant(checkTerraform(rule, role, [role, trust, githubProvider]));
  });

  it('rejects an AWS role trusting GitHub without a sub condition', () => {
    const { role, trust } = githubRole('ci-plan-role', undefined);
    expectFailure(checkTerraform(rule, role, [role, trust, githubProvider]), {
      field: 'assume_role_policy.Statement[0].Condition',
      problem: /any repository may assume it/,
    });
  });

  it('rejects wildcard subjects and subjects of another repository', () => {
    for (const subject of ['*', 'repo:*', 'repo:*/*:ref:refs/heads/main', 'repo:evil/platform-gitops:*', `repo:${REPOSITORY}:`]) {
      const { role, trust } = githubRole('ci-plan-role', [subject]);
      expectFailure(checkTerraform(rule, role, [role, trust, githubProvider]), {
        field: 'assume_role_policy.Statement[0].Condition.token.actions.githubusercontent.com:sub',
        value: subject,
      });
    }
  });

  it('ignores negated sub conditions, which restrict nothing', () => {
    const { role, trust } = githubRole('ci-plan-role', [`repo:${REPOSITORY}:ref:refs/heads/main`], { test: 'StringNotEquals' });
    expectFailure(checkTerraform(rule, role, [role, trust, githubProvider]), { field: 'assume_role_policy.Statement[0].Condition' });
  });

  it('recognises GitHub by the provider ARN and by the claims when the provider lives in another stack', () => {
    const role = resource('aws_iam_role', 'by-arn', {
      assume_role_policy: JSON.stringify({
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' } }],
      }),
    });
    expectFailure(checkTerraform(rule, role, [role]), { field: 'assume_role_policy.Statement[0].Condition' });
  });

  it('does not check roles that GitHub cannot assume', () => {
    const { role, trust } = serviceRole('node-role', 'ec2.amazonaws.com');
    expectNotApplicable(checkTerraform(rule, role, [role, trust]));
  });

  it('rejects a trust policy that cannot be read at synth', () => {
    const role = resource('aws_iam_role', 'opaque', { assume_role_policy: '${data.terraform_remote_state.x.outputs.trust}' });
    expectFailure(checkTerraform(rule, role, [role]), { field: 'assume_role_policy', problem: /cannot be read/ });
  });

  it('accepts an Azure federated credential for the repository', () => {
    const good = federatedCredential('plan', { subject: `repo:${REPOSITORY}:pull_request` });
    expectCompliant(checkTerraform(rule, good, [good]));
  });

  it('rejects an Azure federated credential for another repository', () => {
    const other = federatedCredential('plan', { subject: 'repo:someone/else:pull_request' });
    expectFailure(checkTerraform(rule, other, [other]), { field: 'subject', value: 'repo:someone/else:pull_request' });
  });

  it('does not check federated credentials of other issuers (a cluster OIDC issuer)', () => {
    const argocd = federatedCredential('argocd', { issuer: '${azurerm_kubernetes_cluster.cluster.oidc_issuer_url}', subject: 'system:serviceaccount:argocd:argocd-server' });
    expectNotApplicable(checkTerraform(rule, argocd, [argocd]));
  });

  it('accepts a GCP pool provider whose attribute_condition names the repository', () => {
    const provider = poolProvider({ attribute_condition: `assertion.repository == '${REPOSITORY}'` });
    expectCompliant(checkTerraform(rule, provider, [provider]));
    const bySubject = poolProvider({ attribute_condition: `assertion.sub.startsWith("repo:${REPOSITORY}:")` });
    expectCompliant(checkTerraform(rule, bySubject, [bySubject]));
  });

  it('rejects a GCP pool provider without attribute_condition, or one that admits other repositories', () => {
    const open = poolProvider({});
    expectFailure(checkTerraform(rule, open, [open]), { field: 'attribute_condition', value: undefined, problem: /every GitHub repository/ });
    const owner = poolProvider({ attribute_condition: `assertion.repository_owner == '${REPOSITORY.split('/')[0]}'` });
    expectFailure(checkTerraform(rule, owner, [owner]), { field: 'attribute_condition' });
    const either = poolProvider({ attribute_condition: `assertion.repository == '${REPOSITORY}' || true` });
    expectFailure(checkTerraform(rule, either, [either]), { field: 'attribute_condition' });
  });
});
