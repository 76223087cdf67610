import { GITHUB_OIDC_ISSUER, githubSubjects } from '../../../constructs/terraform/azure/ci-identities';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from '../../../constructs/terraform/azure/federated-credentials';
import { ROLES_APPLY_MAY_ASSIGN } from '../../../constructs/terraform/azure/roles';
import type { CiIdentitySpec } from '../../../environments/types';
import { FIXTURE_REPOSITORY } from '../../support/fixture-environment';
import { allStrings, block, blocksOf, synthJson, withApplyFrom } from '../terraform-json';
import { AZURE_ENVIRONMENTS, azureBase, buildAzure, foundationJson } from './azure-test-helpers';

const repository = FIXTURE_REPOSITORY;

/** Federated credentials of one CI identity, as `subject` strings. */
function subjectsOf(json: Record<string, unknown>, role: 'plan' | 'apply'): unknown[] {
  return Object.values(blocksOf(json, 'azurerm_federated_identity_credential'))
    .filter((c) => c.parent_id === `\${azurerm_user_assigned_identity.ci-${role}.id}`)
    .map((c) => c.subject);
}

/** Role assignments of one CI identity as `role @ scope`. */
function grantsOf(json: Record<string, unknown>, role: 'plan' | 'apply'): string[] {
  return Object.values(blocksOf(json, 'azurerm_role_assignment'))
    .filter((a) => a.principal_id === `\${azurerm_user_assigned_identity.ci-${role}.principal_id}`)
    .map((a) => `${String(a.role_definition_name)} @ ${String(a.scope)}`)
    .sort();
}

describe('githubSubjects', () => {
  const branch: CiIdentitySpec = { repository, repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } };
  const environment: CiIdentitySpec = { repository, repositoryId: '42', applyFrom: { kind: 'environment', name: 'production' } };

  it('lets plan run from pull requests and the apply branch, and apply only from that branch', () => {
    expect(githubSubjects(branch)).toEqual({
      plan: [
        { name: 'github-pull-request', subject: `repo:${repository}:pull_request` },
        { name: 'github-branch-main', subject: `repo:${repository}:ref:refs/heads/main` },
      ],
      apply: [{ name: 'github-branch-main', subject: `repo:${repository}:ref:refs/heads/main` }],
    });
  });

  it('lets apply run only from jobs of the deployment environment, and plan only from pull requests', () => {
    expect(githubSubjects(environment)).toEqual({
      plan: [{ name: 'github-pull-request', subject: `repo:${repository}:pull_request` }],
      apply: [{ name: 'github-environment-production', subject: `repo:${repository}:environment:production` }],
    });
  });

  it('keeps the exact branch in the subject and only the credential name simplified', () => {
    const [apply] = githubSubjects({ repository, repositoryId: '42', applyFrom: { kind: 'branch', name: 'release/2026.11' } }).apply;
    expect(apply).toEqual({ name: 'github-branch-release-2026-11', subject: `repo:${repository}:ref:refs/heads/release/2026.11` });
  });
});

describe.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the CI identities of %s', (env, spec) => {
  const json = foundationJson(spec);
  const subscription = `/subscriptions/${spec.clouds.azure!.subscriptionId}`;
  const container = '${azurerm_storage_container.state-container.id}';

  it('are two user-assigned identities, one per role', () => {
    expect(Object.values(blocksOf(json, 'azurerm_user_assigned_identity')).map((i) => i.name)).toEqual(
      expect.arrayContaining([`id-${env}-terraform-plan`, `id-${env}-terraform-apply`]),
    );
  });

  it("trust GitHub's issuer with the token-exchange audience and exactly the subjects of their role", () => {
    const credentials = Object.values(blocksOf(json, 'azurerm_federated_identity_credential'));
    expect(credentials.length).toBeGreaterThan(0);
    for (const credential of credentials) {
      expect(credential).toMatchObject({ issuer: GITHUB_OIDC_ISSUER, audience: [AZURE_TOKEN_EXCHANGE_AUDIENCE] });
      expect(String(credential.subject)).toMatch(new RegExp(`^repo:${spec.infrastructure.ci.repository}:`));
      expect(String(credential.subject)).not.toContain('*');
    }
    const subjects = githubSubjects(spec.infrastructure.ci);
    expect(subjectsOf(json, 'plan').sort()).toEqual(subjects.plan.map((s) => s.subject).sort());
    expect(subjectsOf(json, 'apply').sort()).toEqual(subjects.apply.map((s) => s.subject).sort());
  });

  it('write the federated credentials of one identity one after the other', () => {
    for (const role of ['plan', 'apply']) {
      const credentials = Object.entries(blocksOf(json, 'azurerm_federated_identity_credential')).filter(([name]) => name.startsWith(`ci-${role}-`));
      const addresses = credentials.map(([name]) => `azurerm_federated_identity_credential.${name}`);
      const waits = credentials.map(([, c]) => (Array.isArray(c.depends_on) ? c.depends_on : []));
      // A chain: one starts, every other waits for exactly one sibling, no two wait for the same.
      expect(waits.filter((w) => w.length === 0)).toHaveLength(1);
      const waitedFor = waits.flat();
      expect(waitedFor).toHaveLength(credentials.length - 1);
      expect(new Set(waitedFor).size).toBe(waitedFor.length);
      for (const address of waitedFor) expect(addresses).toContain(address);
    }
  });

  it('give plan read access, key metadata, cluster user credentials and read of the state, and nothing that writes resources or the state', () => {
    expect(grantsOf(json, 'plan')).toEqual(
      [
        `Reader @ ${subscription}`,
        `Key Vault Reader @ ${subscription}`,
        `Azure Kubernetes Service Cluster User Role @ ${subscription}`,
        `Storage Blob Data Reader @ ${container}`,
      ].sort(),
    );
    // The backend's lock (a lease on the state blob) needs the right that overwrites the state.
    expect(grantsOf(json, 'plan').join('\n')).not.toMatch(/Contributor|Owner/);
  });

  it('give apply Contributor, key management, the state, and role assignment limited to the workload roles: never Owner', () => {
    expect(grantsOf(json, 'apply')).toEqual(
      [
        `Contributor @ ${subscription}`,
        `Key Vault Crypto Officer @ ${subscription}`,
        `Role Based Access Control Administrator @ ${subscription}`,
        `Storage Blob Data Contributor @ ${container}`,
      ].sort(),
    );
    const names = Object.values(blocksOf(json, 'azurerm_role_assignment')).map((a) => a.role_definition_name);
    expect(names).not.toContain('Owner');
    expect(names).not.toContain('User Access Administrator');
  });

  it('limit the apply identity to granting and revoking the workload roles, looked up by name', () => {
    const grant = block(json, 'azurerm_role_assignment', 'ci-apply-role-assignments');
    expect(grant.condition_version).toBe('2.0');
    const condition = String(grant.condition);
    expect(condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/write'}");
    expect(condition).toContain("ActionMatches{'Microsoft.Authorization/roleAssignments/delete'}");
    expect(condition).toContain('@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals');
    expect(condition).toContain('@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals');
    const lookups = Object.entries(blocksOf(json, 'azurerm_role_definition', 'data'));
    expect(lookups.map(([, d]) => d.name).sort()).toEqual([...ROLES_APPLY_MAY_ASSIGN].sort());
    for (const [name] of lookups) expect(condition).toContain(`basename(data.azurerm_role_definition.${name}.id)`);
  });

  it('use no client secret, certificate or application password anywhere', () => {
    expect(Object.keys(json.resource as object).filter((type) => type.startsWith('azuread_'))).toEqual([]);
    expect(allStrings(json).join('\n')).not.toMatch(/client_secret|client_certificate|password/i);
  });
});

describe('the CI identities of an environment that applies from a deployment environment', () => {
  const { spec } = azureBase();
  const json = foundationJson(withApplyFrom(spec, { kind: 'environment', name: 'production' }));

  it('trust only that environment for apply and only pull requests for plan', () => {
    expect(subjectsOf(json, 'apply')).toEqual([`repo:${spec.infrastructure.ci.repository}:environment:production`]);
    expect(subjectsOf(json, 'plan')).toEqual([`repo:${spec.infrastructure.ci.repository}:pull_request`]);
  });
});

describe('the roles the Azure stacks grant to workload identities', () => {
  it.each(AZURE_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('are all ones the apply identity may grant in %s', (_env, spec) => {
    const workloadGrants = buildAzure(spec).flatMap((entry) =>
      Object.entries(blocksOf(synthJson(entry.stack), 'azurerm_role_assignment')).filter(([name]) => !name.startsWith('ci-')),
    );
    expect(workloadGrants.length).toBeGreaterThan(0);
    for (const [, grant] of workloadGrants) expect(ROLES_APPLY_MAY_ASSIGN).toContain(grant.role_definition_name);
  });
});
