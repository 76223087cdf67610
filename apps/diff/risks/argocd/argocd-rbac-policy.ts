import { parse } from 'yaml';
import type { JsonValue } from '../../estate-unit';
import { addedItems, objectAt, shortList, stringAt } from './kubernetes-objects';

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
      .map((line) =>
        line
          .split(',')
          .map((field) => field.trim())
          .join(', '),
      ),
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

const fieldsOf = (line: string): string[] => line.split(', ');

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
  const grants = added.filter((line) => fieldsOf(line)[0] === 'p' && fieldsOf(line).at(-1) === 'allow');
  const mappings = added.filter((line) => fieldsOf(line)[0] === 'g');
  const liftedDenials = addedItems(after.lines, before.lines).filter((line) => fieldsOf(line)[0] === 'p' && fieldsOf(line).at(-1) === 'deny');
  // `p, <subject>, <resource>, <action>, <object>, allow` -> `<subject> <resource> <action> <object>`.
  const grant = (line: string): string => fieldsOf(line).slice(1, 5).join(' ');
  const mapping = (line: string): string => `${fieldsOf(line)[1] ?? ''} -> ${fieldsOf(line)[2] ?? ''}`;
  if (grants.length > 0) found.push({ field: 'data."policy.csv"', what: `grants added: ${shortList(grants.map(grant))}` });
  if (mappings.length > 0) found.push({ field: 'data."policy.csv"', what: `group mappings added: ${shortList(mappings.map(mapping))}` });
  if (liftedDenials.length > 0) found.push({ field: 'data."policy.csv"', what: `denials removed: ${shortList(liftedDenials.map(grant))}` });
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
