import { APPLY_ROLES, applySubject, GITHUB_OIDC_ISSUER, PLAN_ROLES } from '../../../constructs/terraform/gcp/ci-identities';
import type { CiIdentitySpec, EnvironmentSpec } from '../../../environments/types';
import { allStrings, block, blocksOf, withApplyFrom } from '../terraform-json';
import { foundationJson, GCP_ENVIRONMENTS, gcpBase } from './gcp-test-helpers';

const POOL = '${google_iam_workload_identity_pool.ci-pool.name}';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('GitHub CI identities in %s', (_env, spec) => {
  const { repository } = spec.infrastructure.ci;
  const json = foundationJson(spec);

  it('trusts GitHub Actions tokens of the one repository only', () => {
    const provider = block(json, 'google_iam_workload_identity_pool_provider', 'ci-github');
    expect(provider).toMatchObject({
      workload_identity_pool_id: '${google_iam_workload_identity_pool.ci-pool.workload_identity_pool_id}',
      oidc: { issuer_uri: GITHUB_OIDC_ISSUER },
      attribute_condition: `assertion.repository_id == '${spec.infrastructure.ci.repositoryId}' && assertion.repository == '${repository}'`,
    });
    expect(GITHUB_OIDC_ISSUER).toBe('https://token.actions.githubusercontent.com');
    expect(provider.attribute_mapping).toMatchObject({
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_id': 'assertion.repository_id',
      'attribute.ref': 'assertion.ref',
    });
  });

  it('lets any workflow of the repository impersonate tf-plan', () => {
    expect(block(json, 'google_service_account', 'ci-plan').account_id).toBe('tf-plan');
    expect(block(json, 'google_service_account_iam_member', 'ci-plan-federation')).toMatchObject({
      service_account_id: '${google_service_account.ci-plan.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principalSet://iam.googleapis.com/${POOL}/attribute.repository/${repository}`,
    });
  });

  it('lets only the applyFrom subject impersonate tf-apply', () => {
    expect(block(json, 'google_service_account', 'ci-apply').account_id).toBe('tf-apply');
    expect(block(json, 'google_service_account_iam_member', 'ci-apply-federation')).toMatchObject({
      service_account_id: '${google_service_account.ci-apply.name}',
      role: 'roles/iam.workloadIdentityUser',
      member: `principal://iam.googleapis.com/${POOL}/subject/${applySubject(spec.infrastructure.ci)}`,
    });
  });

  it('binds each service account to exactly one federated member and never to a wildcard', () => {
    const bindings = Object.values(blocksOf(json, 'google_service_account_iam_member')).filter((b) => b.role === 'roles/iam.workloadIdentityUser');
    expect(bindings).toHaveLength(2);
    for (const binding of bindings) expect(binding.member).not.toMatch(/\*/);
  });

  it('gives plan read-only project roles and apply the narrower-than-editor set', () => {
    const members = Object.values(blocksOf(json, 'google_project_iam_member'));
    const rolesOf = (account: string): unknown[] => members.filter((m) => m.member === `\${google_service_account.${account}.member}`).map((m) => m.role);
    // Terraform JSON lists resources by name, so compare as sets.
    expect(rolesOf('ci-plan').sort()).toEqual([...PLAN_ROLES].sort());
    expect(rolesOf('ci-apply').sort()).toEqual([...APPLY_ROLES].sort());
    expect(PLAN_ROLES).toContain('roles/viewer');
    expect([...PLAN_ROLES, ...APPLY_ROLES]).not.toContain('roles/editor');
    expect([...PLAN_ROLES, ...APPLY_ROLES]).not.toContain('roles/owner');
  });

  it('lets plan read the state and write lock objects only', () => {
    expect(block(json, 'google_storage_bucket_iam_member', 'ci-plan-state-read')).toMatchObject({
      bucket: '${google_storage_bucket.state-bucket.name}',
      role: 'roles/storage.objectViewer',
      member: '${google_service_account.ci-plan.member}',
    });
    const lock = block(json, 'google_storage_bucket_iam_member', 'ci-plan-state-lock');
    expect(lock).toMatchObject({ role: 'roles/storage.objectAdmin', member: '${google_service_account.ci-plan.member}' });
    expect(lock.condition).toMatchObject({
      expression: "resource.name.startsWith('projects/_/buckets/${google_storage_bucket.state-bucket.name}/objects/') && resource.name.endsWith('.tflock')",
    });
  });

  it('creates no service account key', () => {
    expect(blocksOf(json, 'google_service_account_key')).toEqual({});
    expect(allStrings(json).some((s) => s.includes('private_key'))).toBe(false);
  });
});

describe('the workload identity provider condition', () => {
  const { spec } = gcpBase();
  const condition = (ci: CiIdentitySpec): unknown =>
    block(foundationJson({ ...spec, infrastructure: { ...spec.infrastructure, ci } }), 'google_iam_workload_identity_pool_provider', 'ci-github').attribute_condition;

  it("pins the repository's id from the spec, so that a re-created repository of the same name is not trusted", () => {
    const ci = spec.infrastructure.ci;
    expect(condition({ ...ci, repositoryId: '42' })).toBe(`assertion.repository_id == '42' && assertion.repository == '${ci.repository}'`);
    expect(condition({ ...ci, repositoryId: '43' })).not.toBe(condition({ ...ci, repositoryId: '42' }));
  });
});

describe('the apply binding per applyFrom', () => {
  const { spec } = gcpBase();
  const { repository } = spec.infrastructure.ci;
  const applyMember = (s: EnvironmentSpec): unknown => block(foundationJson(s), 'google_service_account_iam_member', 'ci-apply-federation').member;

  it('matches pushes to the branch for kind branch', () => {
    const s = withApplyFrom(spec, { kind: 'branch', name: 'release' });
    expect(applyMember(s)).toBe(`principal://iam.googleapis.com/${POOL}/subject/repo:${repository}:ref:refs/heads/release`);
  });

  it('matches jobs of the deployment environment for kind environment', () => {
    const s = withApplyFrom(spec, { kind: 'environment', name: 'production' });
    expect(applyMember(s)).toBe(`principal://iam.googleapis.com/${POOL}/subject/repo:${repository}:environment:production`);
  });

  it('leaves the plan binding on the whole repository in both cases', () => {
    for (const applyFrom of [
      { kind: 'branch', name: 'main' },
      { kind: 'environment', name: 'production' },
    ] as const) {
      const json = foundationJson(withApplyFrom(spec, applyFrom));
      expect(block(json, 'google_service_account_iam_member', 'ci-plan-federation').member).toBe(`principalSet://iam.googleapis.com/${POOL}/attribute.repository/${repository}`);
    }
  });
});
