import { DataAzurermRoleDefinition } from '@cdktf/provider-azurerm/lib/data-azurerm-role-definition';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import type { CiIdentitySpec } from '../infrastructure-spec';
import { addFederatedCredentials } from './federated-credentials';
import { AzureRole, assignRole, ROLES_APPLY_MAY_ASSIGN, type RoleGrant, terraformReadGrants } from './roles';

/** Issuer of the OIDC tokens GitHub Actions hands to workflow jobs. */
export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

export type CiRole = 'plan' | 'apply';

/** One trusted GitHub token subject and the name of its federated credential. */
export interface GithubSubject {
  readonly name: string;
  readonly subject: string;
}

/** Credential names: letters, digits, dashes; a branch like `release/1.2` becomes `release-1-2`. */
function credentialName(prefix: string, value: string): string {
  return `${prefix}-${value.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * The GitHub token subjects each CI role trusts. Entra ID matches subjects exactly (no wildcards),
 * so each entry is one repository and one pull-request context, branch or deployment environment:
 *
 * - `apply`: only `applyFrom`: pushes to that branch (`repo:<repo>:ref:refs/heads/<branch>`) or
 *   jobs of that deployment environment (`repo:<repo>:environment:<name>`).
 * - `plan`: pull requests of the repository, plus the apply branch when applies run from a branch
 *   (a push plans before it applies). A deployment environment's jobs use the apply identity.
 */
export function githubSubjects(ci: CiIdentitySpec): Readonly<Record<CiRole, readonly GithubSubject[]>> {
  const repo = ci.repository;
  const { applyFrom } = ci;
  const applySubject: GithubSubject =
    applyFrom.kind === 'branch'
      ? { name: credentialName('github-branch', applyFrom.name), subject: `repo:${repo}:ref:refs/heads/${applyFrom.name}` }
      : { name: credentialName('github-environment', applyFrom.name), subject: `repo:${repo}:environment:${applyFrom.name}` };
  const pullRequests: GithubSubject = { name: 'github-pull-request', subject: `repo:${repo}:pull_request` };
  return {
    plan: applyFrom.kind === 'branch' ? [pullRequests, applySubject] : [pullRequests],
    apply: [applySubject],
  };
}

export interface CiIdentitiesProps {
  /** Environment name; part of the identities' names. */
  readonly environment: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subscriptionId: string;
  readonly ci: CiIdentitySpec;
  /** Resource Manager id of the `tfstate` container: the only data the identities may touch. */
  readonly stateContainerId: string;
}

/**
 * The identities GitHub Actions runs Terraform as, one per role, with short-lived OIDC tokens only:
 * a user-assigned managed identity has no client secret or certificate to leak, and its federated
 * credentials trust exactly the subjects of `githubSubjects`.
 *
 * - `plan` reads (`terraformReadGrants`): Reader on the subscription, Key Vault Reader (refreshing
 *   a key reads its metadata on the vault's data plane), the AKS Cluster User role (refreshing a
 *   cluster lists its user credentials, which with local accounts disabled hold no secret), and
 *   Storage Blob Data Reader on the state container. It takes no state lock: the azurerm backend's
 *   lock is a lease on the state blob, which needs the same write right as overwriting the state,
 *   and plan is trusted for every pull request. CI runs its plans with `-lock=false`.
 * - `apply` changes: Contributor on the subscription, Key Vault Crypto Officer (create keys, set
 *   their rotation policies), Storage Blob Data Contributor on the state container, and Role Based
 *   Access Control Administrator limited by a condition to the roles of `ROLES_APPLY_MAY_ASSIGN`,
 *   which the stacks give to workload identities. Not Owner: Owner may grant any role to anyone,
 *   so a compromised apply workflow could make itself or anyone else Owner of the subscription.
 *   The CI identities' own grants are therefore applied by a human Owner (as at bootstrap).
 */
export class CiIdentities extends Construct {
  readonly identities: Readonly<Record<CiRole, UserAssignedIdentity>>;

  constructor(scope: Construct, id: string, props: CiIdentitiesProps) {
    super(scope, id);
    const subscription = `/subscriptions/${props.subscriptionId}`;
    const subjects = githubSubjects(props.ci);

    const assignableRoleIds = ROLES_APPLY_MAY_ASSIGN.map((role) =>
      // Looked up by name at plan time: no hand-copied GUIDs in the condition.
      Fn.basename(new DataAzurermRoleDefinition(this, `role-${kebab(role)}`, { name: role, scope: subscription }).id),
    );

    const grants: Record<CiRole, readonly RoleGrant[]> = {
      // Read-only, the state included: plans of the Azure stacks run `-lock=false` (terraformReadGrants).
      plan: terraformReadGrants(props.subscriptionId, props.stateContainerId),
      apply: [
        { id: 'contributor', role: AzureRole.contributor, scope: subscription },
        { id: 'key-vault-crypto-officer', role: AzureRole.keyVaultCryptoOfficer, scope: subscription },
        {
          id: 'role-assignments',
          role: AzureRole.rbacAdministrator,
          scope: subscription,
          condition: onlyTheseRoles(Fn.join(', ', assignableRoleIds)),
        },
        { id: 'state', role: AzureRole.storageBlobDataContributor, scope: props.stateContainerId },
      ],
    };

    const make = (role: CiRole): UserAssignedIdentity => {
      const identity = new UserAssignedIdentity(this, role, {
        name: `id-${props.environment}-terraform-${role}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
      });
      addFederatedCredentials(this, {
        identity,
        resourceGroupName: props.resourceGroupName,
        issuer: GITHUB_OIDC_ISSUER,
        subjects: subjects[role].map((subject) => ({ id: `${role}-${subject.name}`, name: subject.name, subject: subject.subject })),
      });
      for (const grant of grants[role]) assignRole(this, `${role}-${grant.id}`, identity.principalId, grant);
      return identity;
    };
    this.identities = { plan: make('plan'), apply: make('apply') };
  }
}

function kebab(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * ABAC condition of a role assignment grant: role assignments may be created and deleted only for
 * the role definition GUIDs in `roleIds` (a comma-separated list). Microsoft's documented form of
 * "constrain roles" for delegated role assignment.
 */
function onlyTheseRoles(roleIds: string): string {
  const write = "!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})";
  const remove = "!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})";
  return (
    `((${write}) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roleIds}}))` +
    ` AND ((${remove}) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roleIds}}))`
  );
}
