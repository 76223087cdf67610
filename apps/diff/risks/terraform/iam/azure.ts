import type { JsonObject } from '../../../estate-unit';
import { isReference, stringAt, stringsAt } from '../terraform-body';
import type { IamType, Widening } from './types';

/** Built-in roles that can change anything, or grant access to anything (Azure built-in roles: privileged administrator roles). */
const BROAD_ROLES = ['Owner', 'Contributor', 'User Access Administrator', 'Role Based Access Control Administrator'];

/**
 * How much an Azure scope covers: the root and management groups above a subscription, a
 * subscription above a resource group, a resource group above a resource. A reference (`${...id}`)
 * names a resource, a resource group or a subscription by the type it refers to.
 */
function scopeBreadth(scope: string | undefined): number | undefined {
  if (scope === undefined) return undefined;
  if (isReference(scope)) {
    if (/azurerm_resource_group\./.test(scope)) return 2;
    if (/azurerm_subscription|azurerm_client_config/.test(scope)) return 1;
    return 3;
  }
  const segments = scope.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return -1;
  if (segments[0]?.toLowerCase() === 'providers' && segments[1] === 'Microsoft.Management') return 0;
  if (segments.length <= 2) return 1;
  if (segments.length <= 4) return 2;
  return 3;
}

function roleOf(body: JsonObject | undefined): string | undefined {
  return stringAt(body, 'role_definition_name') ?? stringAt(body, 'role_definition_id');
}

function isBroadRole(role: string | undefined): boolean {
  return role !== undefined && BROAD_ROLES.some((broad) => broad.toLowerCase() === role.toLowerCase());
}

function roleAssignmentWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (head === undefined) return [];
  const role = roleOf(head);
  const scope = stringAt(head, 'scope');
  if (base === undefined) return isBroadRole(role) ? [{ what: `${role} assigned at ${scope ?? '?'}`, path: 'role_definition_name' }] : [];
  const widenings: Widening[] = [];
  if (roleOf(base) !== role && isBroadRole(role)) widenings.push({ what: `role ${roleOf(base)} -> ${role}`, path: 'role_definition_name' });
  const before = scopeBreadth(stringAt(base, 'scope'));
  const after = scopeBreadth(scope);
  if (before !== undefined && after !== undefined && after < before) widenings.push({ what: `scope ${stringAt(base, 'scope')} -> ${scope} (wider)`, path: 'scope' });
  if (stringAt(base, 'condition') !== undefined && stringAt(head, 'condition') === undefined)
    widenings.push({ what: `ABAC condition removed (${stringAt(base, 'condition')})`, path: 'condition' });
  if (stringAt(base, 'principal_id') !== stringAt(head, 'principal_id')) widenings.push({ what: `${role} now granted to ${stringAt(head, 'principal_id')}`, path: 'principal_id' });
  return widenings;
}

/** Who may sign in as the identity: the issuer, the token subject (repository, branch, environment) and the audience. */
function federatedCredentialWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (base === undefined || head === undefined) return [];
  const widenings: Widening[] = [];
  for (const attribute of ['issuer', 'subject']) {
    if (stringAt(base, attribute) !== stringAt(head, attribute))
      widenings.push({ what: `federated credential ${attribute} ${stringAt(base, attribute)} -> ${stringAt(head, attribute)}`, path: attribute, trust: true });
  }
  const audiences = stringsAt(head, 'audience').filter((audience) => !stringsAt(base, 'audience').includes(audience));
  if (audiences.length > 0) widenings.push({ what: `federated credential now accepts audiences ${audiences.join(', ')}`, path: 'audience', trust: true });
  return widenings;
}

/** Azure (hashicorp/terraform-provider-azurerm v4.55.0: authorization/role_assignment_resource.go, managedidentity/federated_identity_credential_resource.go). */
export const AZURE_IAM: readonly IamType[] = [
  { block: 'resource', type: 'azurerm_role_assignment', widenings: roleAssignmentWidenings },
  { block: 'resource', type: 'azurerm_federated_identity_credential', widenings: federatedCredentialWidenings },
];
