import { isJsonObject } from '../../canonical-json';
import type { JsonValue } from '../../estate-unit';
import { listAt, stringAt, stringsAt } from '../json-values';

/**
 * Kubernetes RBAC rules read as the API server's authorizer reads them (kubernetes
 * pkg/apis/rbac/v1/evaluation_helpers.go: VerbMatches, APIGroupMatches, ResourceMatches,
 * ResourceNameMatches, NonResourceURLMatches): `*` matches any verb, group or resource,
 * `*\/sub` any resource's subresource, a rule without resourceNames any name, a non-resource URL
 * ending in `*` any URL with that prefix.
 */
interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

/** One permission: a verb on a group's resource (one name, or any), or on a non-resource URL. */
export type Permission = { readonly verb: string; readonly group: string; readonly resource: string; readonly name?: string } | { readonly verb: string; readonly url: string };

/** Verbs and wildcards that let a holder grant itself more (escalate, bind), act as others (impersonate) or do anything (`*`). */
const ESCALATING_VERBS = new Set(['*', 'escalate', 'bind', 'impersonate']);

export function policyRules(body: JsonValue | undefined): PolicyRule[] {
  return listAt(body, 'rules').flatMap((rule) =>
    isJsonObject(rule)
      ? [
          {
            verbs: stringsAt(rule, 'verbs'),
            apiGroups: stringsAt(rule, 'apiGroups'),
            resources: stringsAt(rule, 'resources'),
            resourceNames: stringsAt(rule, 'resourceNames'),
            nonResourceURLs: stringsAt(rule, 'nonResourceURLs'),
          },
        ]
      : [],
  );
}

function permissionsOf(rule: PolicyRule): Permission[] {
  const names: (string | undefined)[] = rule.resourceNames.length > 0 ? [...rule.resourceNames] : [undefined];
  return rule.verbs.flatMap((verb) => [
    ...rule.apiGroups.flatMap((group) =>
      rule.resources.flatMap((resource) => names.map((name) => (name !== undefined ? { verb, group, resource, name } : { verb, group, resource }))),
    ),
    ...rule.nonResourceURLs.map((url) => ({ verb, url })),
  ]);
}

function covers(rule: PolicyRule, permission: Permission): boolean {
  if (!rule.verbs.some((verb) => verb === '*' || verb === permission.verb)) return false;
  if ('url' in permission)
    return rule.nonResourceURLs.some((url) => url === '*' || url === permission.url || (url.endsWith('*') && permission.url.startsWith(url.replace(/\*+$/, ''))));
  if (!rule.apiGroups.some((group) => group === '*' || group === permission.group)) return false;
  const subresource = permission.resource.includes('/') ? permission.resource.slice(permission.resource.indexOf('/') + 1) : '';
  const resourceMatches = rule.resources.some((resource) => resource === '*' || resource === permission.resource || (subresource !== '' && resource === `*/${subresource}`));
  if (!resourceMatches) return false;
  return rule.resourceNames.length === 0 || (permission.name !== undefined && rule.resourceNames.includes(permission.name));
}

/** The permissions the `after` rules grant that no `before` rule covers. */
export function addedPermissions(before: readonly PolicyRule[], after: readonly PolicyRule[]): Permission[] {
  return after.flatMap(permissionsOf).filter((permission) => !before.some((rule) => covers(rule, permission)));
}

/** Permissions in a phrase, grouped by what they act on: `apps/deployments: delete, patch; core/secrets[db]: get`. */
export function describePermissions(permissions: readonly Permission[]): string {
  const byTarget = new Map<string, string[]>();
  for (const permission of permissions) {
    const target = 'url' in permission ? permission.url : `${permission.group || 'core'}/${permission.resource}${permission.name !== undefined ? `[${permission.name}]` : ''}`;
    const verbs = byTarget.get(target) ?? [];
    if (!verbs.includes(permission.verb)) verbs.push(permission.verb);
    byTarget.set(target, verbs);
  }
  return [...byTarget].map(([target, verbs]) => `${target}: ${verbs.join(', ')}`).join('; ');
}

/** Why these permissions are worse than more access: escalation verbs and wildcards, named. */
export function escalations(permissions: readonly Permission[]): string[] {
  const found = new Set<string>();
  for (const permission of permissions) {
    if (ESCALATING_VERBS.has(permission.verb)) found.add(`verb ${permission.verb}`);
    if ('url' in permission) continue;
    if (permission.group === '*') found.add('every API group');
    if (permission.resource === '*') found.add('every resource');
    if (permission.resource === 'secrets') found.add('secrets');
  }
  return [...found];
}

/** A binding's subjects as `Kind namespace/name`. */
export function bindingSubjects(body: JsonValue | undefined): string[] {
  return listAt(body, 'subjects').flatMap((subject) => {
    if (!isJsonObject(subject)) return [];
    const namespace = stringAt(subject, 'namespace');
    return [`${stringAt(subject, 'kind') ?? ''} ${namespace !== undefined ? `${namespace}/` : ''}${stringAt(subject, 'name') ?? ''}`];
  });
}

/** A binding's role as `ClusterRole cluster-admin`. */
export function bindingRole(body: JsonValue | undefined): string {
  return `${stringAt(body, 'roleRef', 'kind') ?? ''} ${stringAt(body, 'roleRef', 'name') ?? ''}`;
}
