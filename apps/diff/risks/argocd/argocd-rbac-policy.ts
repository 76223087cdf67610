import { parse } from 'yaml';
import type { JsonValue } from '../../estate-unit';
import { objectAt, stringAt } from '../json-values';
import { addedItems, shortList } from './kubernetes-objects';

/**
 * Argo CD's RBAC ConfigMap as Argo CD v2.13.2 reads it (util/rbac/rbac.go, PolicyCSV and
 * syncUpdate; server/server.go, rbacPolicyLoader): the lines of `policy.csv` followed by every
 * `policy.<overlay>.csv`; `policy.default`, the role every authenticated user holds; `scopes`, a
 * YAML list of the OIDC claims matched against `g` lines (groups when absent); `policy.matchMode`,
 * glob or regex. Casbin grants a request when an `allow` line matches and no `deny` line does
 * (assets/model.conf).
 */
export interface ArgoCdRbacPolicy {
  /** Policy lines, fields trimmed and joined by `, ` so spacing does not count as a change. */
  readonly lines: readonly string[];
  readonly defaultRole: string;
  readonly scopes: readonly string[];
  readonly matchMode: string;
}

export function isArgoCdRbacConfigMap(body: JsonValue | undefined): boolean {
  return stringAt(body, 'kind') === 'ConfigMap' && stringAt(body, 'metadata', 'name') === 'argocd-rbac-cm';
}

export function argoCdRbacPolicy(body: JsonValue | undefined): ArgoCdRbacPolicy {
  const data = objectAt(body, 'data') ?? {};
  const csvKeys = Object.keys(data)
    .filter((key) => key === 'policy.csv' || (key.startsWith('policy.') && key.endsWith('.csv')))
    .sort((a, b) => (a === 'policy.csv' ? -1 : b === 'policy.csv' ? 1 : a.localeCompare(b)));
  const lines = csvKeys.flatMap((key) =>
    (stringAt(data, key) ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map(normalizedPolicyLine),
  );
  return { lines, defaultRole: stringAt(data, 'policy.default') ?? '', scopes: scopesOf(stringAt(data, 'scopes')), matchMode: stringAt(data, 'policy.matchMode') || 'glob' };
}

function scopesOf(text: string | undefined): string[] {
  if (text === undefined || text === '') return ['groups'];
  try {
    const parsed: unknown = parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [text];
  } catch {
    return [text];
  }
}

/**
 * One Casbin policy line of Argo CD, as the RBAC ConfigMap and AppProject role `policies` hold them
 * (assets/model.conf: `p, subject, resource, action, object, effect`; `g, user or group, role`):
 * fields split on commas and trimmed.
 */
export function policyFields(line: string): string[] {
  return line.split(',').map((field) => field.trim());
}

/** A policy line with its fields joined by `, `, so spacing does not count as a change. */
export function normalizedPolicyLine(line: string): string {
  return policyFields(line).join(', ');
}

/** A `p` line that grants: Casbin grants only on `allow`. */
export const isPolicyGrant = (line: string): boolean => policyFields(line)[0] === 'p' && policyFields(line).at(-1) === 'allow';

/** A `p` line that denies: a matching `deny` overrides every `allow`. */
export const isPolicyDenial = (line: string): boolean => policyFields(line)[0] === 'p' && policyFields(line).at(-1) === 'deny';

/** A `g` line: a user or group given a role. */
export const isGroupMapping = (line: string): boolean => policyFields(line)[0] === 'g';

/**
 * A `p` line in a phrase, without its effect: `role:ci applications sync platform/*`; without the
 * subject when the reason already names it (a project role): `applications sync platform/*`.
 */
export function policyGrantText(line: string, withSubject = true): string {
  const fields = policyFields(line);
  return fields.length >= 5 ? fields.slice(withSubject ? 1 : 2, 5).join(' ') : line;
}

/** A `g` line in a phrase: `platform-admins -> role:admin`. */
export function groupMappingText(line: string): string {
  const fields = policyFields(line);
  return `${fields[1] ?? ''} -> ${fields[2] ?? ''}`;
}

/**
 * How much `policy.default` grants: none, the built-in read-only role, a custom role (of unknown
 * width), the built-in admin (assets/builtin-policy.csv).
 */
function defaultRoleWidth(role: string): number {
  if (role === '') return 0;
  if (role === 'role:readonly') return 1;
  if (role === 'role:admin') return 3;
  return 2;
}

/** The ways `after` grants more than `before`, each in a phrase. */
export function rbacPolicyWidenings(before: ArgoCdRbacPolicy, after: ArgoCdRbacPolicy): { readonly field: string; readonly what: string }[] {
  const found: { field: string; what: string }[] = [];
  const added = addedItems(before.lines, after.lines);
  const grants = added.filter(isPolicyGrant);
  const mappings = added.filter(isGroupMapping);
  const liftedDenials = addedItems(after.lines, before.lines).filter(isPolicyDenial);
  if (grants.length > 0) found.push({ field: 'data."policy.csv"', what: `grants added: ${shortList(grants.map((line) => policyGrantText(line)))}` });
  if (mappings.length > 0) found.push({ field: 'data."policy.csv"', what: `group mappings added: ${shortList(mappings.map(groupMappingText))}` });
  if (liftedDenials.length > 0) found.push({ field: 'data."policy.csv"', what: `denials removed: ${shortList(liftedDenials.map((line) => policyGrantText(line)))}` });
  const [widthBefore, widthAfter] = [defaultRoleWidth(before.defaultRole), defaultRoleWidth(after.defaultRole)];
  if (before.defaultRole !== after.defaultRole && (widthAfter > widthBefore || (widthAfter === 2 && widthBefore === 2))) {
    found.push({ field: 'data."policy.default"', what: `policy.default "${before.defaultRole}" -> "${after.defaultRole}": every authenticated user holds it` });
  }
  const scopes = addedItems(before.scopes, after.scopes);
  if (scopes.length > 0) found.push({ field: 'data.scopes', what: `scopes added: ${scopes.join(', ')} (their claim values now match g lines)` });
  if (before.matchMode !== 'regex' && after.matchMode === 'regex') {
    found.push({ field: 'data."policy.matchMode"', what: `policy.matchMode ${before.matchMode} -> regex: every pattern is now read as a regular expression` });
  }
  return found;
}
