import { isJsonObject } from '../../canonical-json';
import { type JsonObject, type JsonValue, type KubernetesUnit, unitLabel } from '../../estate-unit';
import { at, listAt, objectAt, stringAt, stringsAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { isPolicyDenial, isPolicyGrant, normalizedPolicyLine, policyGrantText } from './argocd-rbac-policy';
import { addedItems, isAppProject, shortList } from './kubernetes-objects';

/**
 * How an AppProject grants, as Argo CD v2.13.2 reads it (pkg/apis/application/v1alpha1/app_project_types.go):
 * sourceRepos and destinations are glob patterns, a `!` pattern denies (IsSourcePermitted,
 * isDestinationMatched); a cluster-scoped kind needs a clusterResourceWhitelist entry; a namespaced
 * kind is allowed when namespaceResourceWhitelist is absent (nil) or lists it, and not blacklisted
 * (IsGroupKindPermitted). Project roles grant through their policies to their groups.
 */

interface Widening {
  readonly path: string;
  readonly what: string;
}

/** A deny pattern: a repository `!https://...`, a destination whose server, name or namespace starts with `!` (read as `... ns=!x`). */
const isDeny = (pattern: string): boolean => /(^|[\s=])!/.test(pattern);

function groupKinds(spec: JsonValue | undefined, field: string): string[] {
  return listAt(spec, field).flatMap((item) => (isJsonObject(item) ? [`${stringAt(item, 'group') || 'core'}/${stringAt(item, 'kind') ?? ''}`] : []));
}

function destinations(spec: JsonValue | undefined): string[] {
  return listAt(spec, 'destinations').flatMap((item) => {
    if (!isJsonObject(item)) return [];
    const cluster = stringAt(item, 'server') ?? (stringAt(item, 'name') !== undefined ? `name=${stringAt(item, 'name')}` : '');
    return [`${cluster} ns=${stringAt(item, 'namespace') ?? ''}`];
  });
}

function roles(spec: JsonValue | undefined): Map<string, JsonObject> {
  return new Map(listAt(spec, 'roles').flatMap((role) => (isJsonObject(role) ? [[stringAt(role, 'name') ?? '', role] as const] : [])));
}

const anyWildcard = (items: readonly string[]): boolean => items.some((item) => /(^|[\s=/])\*($|[\s/])/.test(item));

/** An entry that allows everything (`*`, `* ns=*`, `*\/*`): nothing added next to it widens. */
const allowsEverything = (items: readonly string[]): boolean => items.some((item) => /^\*+$/.test(item.replace(/name=|ns=|[\s/]/g, '')));

function widenings(before: JsonValue | undefined, after: JsonValue | undefined): Widening[] {
  const found: Widening[] = [];
  const add = (path: string, what: string): void => void found.push({ path: `spec.${path}`, what });
  const patterns = (field: string, read: (spec: JsonValue | undefined) => string[], noun: string): void => {
    const added = allowsEverything(read(before)) ? [] : addedItems(read(before), read(after)).filter((p) => !isDeny(p));
    const liftedDenials = addedItems(read(after), read(before)).filter(isDeny);
    if (added.length > 0) add(field, `${noun} added: ${shortList(added)}${anyWildcard(added) ? ' (a wildcard: any of them)' : ''}`);
    if (liftedDenials.length > 0) add(field, `${noun} denials removed: ${shortList(liftedDenials)}`);
  };
  patterns('sourceRepos', (spec) => stringsAt(spec, 'sourceRepos'), 'source repositories');
  patterns('destinations', destinations, 'destinations');
  patterns('sourceNamespaces', (spec) => stringsAt(spec, 'sourceNamespaces'), 'Application source namespaces');
  const allowed = (field: string, noun: string): void => {
    const added = allowsEverything(groupKinds(before, field)) ? [] : addedItems(groupKinds(before, field), groupKinds(after, field));
    if (added.length > 0) add(field, `${noun} allowed: ${shortList(added)}${anyWildcard(added) ? ' (a wildcard)' : ''}`);
  };
  allowed('clusterResourceWhitelist', 'cluster-scoped kinds');
  allowed('namespaceResourceWhitelist', 'namespaced kinds');
  // An absent namespaceResourceWhitelist allows every namespaced kind; an empty list allows none.
  if (at(before, 'namespaceResourceWhitelist') !== undefined && at(after, 'namespaceResourceWhitelist') === undefined) {
    add('namespaceResourceWhitelist', 'namespaceResourceWhitelist removed: every namespaced kind allowed');
  }
  for (const field of ['namespaceResourceBlacklist', 'clusterResourceBlacklist']) {
    const lifted = addedItems(groupKinds(after, field), groupKinds(before, field));
    if (lifted.length > 0) add(field, `${field} entries removed: ${shortList(lifted)} now allowed`);
  }
  if (at(before, 'permitOnlyProjectScopedClusters') === true && at(after, 'permitOnlyProjectScopedClusters') !== true) {
    add('permitOnlyProjectScopedClusters', 'permitOnlyProjectScopedClusters true -> false: any matching cluster, not only the project-scoped ones');
  }
  const keysLeft = addedItems(listAt(after, 'signatureKeys').map(keyId), listAt(before, 'signatureKeys').map(keyId));
  if (keysLeft.length > 0)
    add('signatureKeys', `signature keys removed: ${shortList(keysLeft)}${listAt(after, 'signatureKeys').length === 0 ? ' (commits no longer verified)' : ''}`);
  const [rolesBefore, rolesAfter] = [roles(before), roles(after)];
  const roleChanges: { readonly name: string; readonly what: string }[] = [];
  for (const [name, role] of rolesAfter) {
    const previous = rolesBefore.get(name);
    const groups = addedItems(stringsAt(previous, 'groups'), stringsAt(role, 'groups'));
    const policies = addedItems(rolePolicies(previous), rolePolicies(role)).filter(isPolicyGrant);
    const denials = addedItems(rolePolicies(role), rolePolicies(previous)).filter(isPolicyDenial);
    const parts = [
      groups.length > 0 ? `groups ${shortList(groups)}` : '',
      policies.length > 0 ? `grants ${shortList(policies.map((line) => policyGrantText(line, false)))}` : '',
      denials.length > 0 ? `denials lifted ${shortList(denials.map((line) => policyGrantText(line, false)))}` : '',
    ].filter((part) => part !== '');
    if (parts.length > 0) roleChanges.push({ name, what: `${previous === undefined ? 'role added' : 'role widened'} ${name}: ${parts.join('; ')}` });
  }
  // One line for the roles: a grant added to every role (as the platform roles all gained `logs get`) is one change.
  const [onlyRole] = roleChanges;
  if (roleChanges.length === 1 && onlyRole !== undefined) add(`roles[name=${onlyRole.name}]`, onlyRole.what);
  else if (roleChanges.length > 1) add('roles', roleChanges.map((change) => change.what).join(' | '));
  return found;
}

/** A project role's policy lines, spacing normalized as Casbin reads them. */
function rolePolicies(role: JsonValue | undefined): string[] {
  return stringsAt(role, 'policies').map(normalizedPolicyLine);
}

function keyId(key: JsonValue): string {
  return stringAt(key, 'keyID') ?? JSON.stringify(key);
}

/** What a new project allows, in a phrase. */
function summary(spec: JsonObject | undefined): string {
  const repos = stringsAt(spec, 'sourceRepos');
  const parts = [
    `repositories ${repos.includes('*') ? '* (any)' : repos.length}`,
    `destinations ${destinations(spec).length}${anyWildcard(destinations(spec)) ? ' (with wildcards)' : ''}`,
    `cluster-scoped kinds ${shortList(groupKinds(spec, 'clusterResourceWhitelist'), 3) || 'none'}`,
    `roles ${shortList([...roles(spec).keys()], 3) || 'none'}`,
  ];
  return parts.join('; ');
}

function projectSpec(unit: KubernetesUnit | undefined): JsonObject | undefined {
  return unit !== undefined && isAppProject(unit) ? objectAt(unit.body, 'spec') : undefined;
}

export const argocdProjectWidened: RiskRule<'kubernetes'> = {
  id: 'argocd-project-widened',
  engine: 'kubernetes',
  title: 'an AppProject widened (repositories, destinations, resource kinds, roles)',
  check(change, context) {
    const head = change.head;
    if (head === undefined || !isAppProject(head)) return [];
    const label = unitLabel(head);
    if (change.kind === 'added') return [{ level: 'low', reason: `${label}: new AppProject allows ${summary(projectSpec(head))}` }];
    const level = highInProduction(context.tier);
    return widenings(projectSpec(change.base), projectSpec(head)).map(
      (widening): RiskFinding => ({ level, reason: `${label} widened in ${context.tier}: ${widening.what}`, path: widening.path }),
    );
  },
};
