import { tfProdApplyProtectedEnvironment as rule } from '../../../constructs/rules/terraform/tf-prod-apply-protected-environment';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, prod, resource, staging } from '../fixtures';
import { federatedCredential, githubProvider, githubRole, REPOSITORY } from '../identity-fixtures';

const PROTECTED = `repo:${REPOSITORY}:environment:production`;

describe('tf-prod-apply-protected-environment', () => {
  it('runs in production only', () => {
    const { role, trust } = githubRole('ci-apply-role', [`repo:${REPOSITORY}:ref:refs/heads/main`]);
    expect(checkTerraform(rule, role, [role, trust, githubProvider], staging)).toBeUndefined();
  });

  it('accepts an apply role that trusts only the production deployment environment', () => {
    const { role, trust } = githubRole('ci-apply-role', [PROTECTED], { test: 'StringEquals' });
    expectCompliant(checkTerraform(rule, role, [role, trust, githubProvider], prod));
  });

  it('rejects an apply role that also trusts a branch', () => {
    const { role, trust } = githubRole('ci-apply-role', [PROTECTED, `repo:${REPOSITORY}:ref:refs/heads/main`]);
    expectFailure(checkTerraform(rule, role, [role, trust, githubProvider], prod), {
      field: /:sub$/,
      value: `repo:${REPOSITORY}:ref:refs/heads/main`,
      fix: new RegExp(PROTECTED),
    });
  });

  it('rejects a production spec that applies from a branch', () => {
    const { role, trust } = githubRole('ci-apply-role', [PROTECTED]);
    const fromBranch = {
      ...prod,
      infrastructure: { ...prod.infrastructure, ci: { repository: REPOSITORY, repositoryId: '42', applyFrom: { kind: 'branch' as const, name: 'main' } } },
    };
    expectFailure(checkTerraform(rule, role, [role, trust, githubProvider], fromBranch), { field: 'infrastructure.ci.applyFrom.kind', value: 'branch' });
  });

  it('does not check plan roles or roles GitHub cannot assume', () => {
    const plan = githubRole('ci-plan-role', [`repo:${REPOSITORY}:pull_request`]);
    expectNotApplicable(checkTerraform(rule, plan.role, [plan.role, plan.trust, githubProvider], prod));
  });

  it('accepts an Azure apply credential for the production environment, and ignores plan credentials', () => {
    const identity = resource('azurerm_user_assigned_identity', 'ci-apply', { name: 'id-prod-terraform-apply' });
    const good = federatedCredential('github-environment', { parent_id: '${azurerm_user_assigned_identity.ci-apply.id}', subject: PROTECTED });
    expectCompliant(checkTerraform(rule, good, [identity, good], prod));
    const plan = federatedCredential('github-pull-request', { subject: `repo:${REPOSITORY}:pull_request` });
    expectNotApplicable(checkTerraform(rule, plan, [plan], prod));
  });

  it('rejects an Azure apply credential for a branch', () => {
    const identity = resource('azurerm_user_assigned_identity', 'ci-apply', { name: 'id-prod-terraform-apply' });
    const branch = federatedCredential('github-branch-main', { parent_id: '${azurerm_user_assigned_identity.ci-apply.id}', subject: `repo:${REPOSITORY}:ref:refs/heads/main` });
    expectFailure(checkTerraform(rule, branch, [identity, branch], prod), { field: 'subject', value: `repo:${REPOSITORY}:ref:refs/heads/main` });
  });

  it('accepts a GCP apply grant to the production environment subject', () => {
    const account = resource('google_service_account', 'ci-apply', { account_id: 'tf-apply' });
    const pool = 'projects/1/locations/global/workloadIdentityPools/ci';
    const good = resource('google_service_account_iam_member', 'federation', {
      service_account_id: '${google_service_account.ci-apply.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principal://iam.googleapis.com/${pool}/subject/${PROTECTED}`,
    });
    expectCompliant(checkTerraform(rule, good, [account, good], prod));
  });

  it('rejects a GCP apply grant to every workflow of the repository', () => {
    const account = resource('google_service_account', 'ci-apply', { account_id: 'tf-apply' });
    const pool = 'projects/1/locations/global/workloadIdentityPools/ci';
    const repoWide = resource('google_service_account_iam_member', 'federation', {
      service_account_id: '${google_service_account.ci-apply.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/${pool}/attribute.repository/${REPOSITORY}`,
    });
    expectFailure(checkTerraform(rule, repoWide, [account, repoWide], prod), {
      field: 'member',
      value: `principalSet://iam.googleapis.com/${pool}/attribute.repository/${REPOSITORY}`,
    });
  });
});
