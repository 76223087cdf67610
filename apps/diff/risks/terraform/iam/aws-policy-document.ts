import { canonicalJson } from '../../../canonical-json';
import type { JsonObject } from '../../../estate-unit';
import { wildcardMatches } from '../../json-values';
import { STORAGE_DENY_VARIABLES } from '../storage/aws';
import { nestedBlocks, stringAt, stringsAt } from '../terraform-body';
import type { Widening } from './types';

interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

interface Statement {
  readonly name: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly principals: readonly string[];
  readonly conditions: readonly Condition[];
}

/** The statements of an `aws_iam_policy_document` data source (internal/service/iam/policy_document_data_source.go: effect defaults to Allow). */
function statements(body: JsonObject | undefined): Statement[] {
  return nestedBlocks(body, 'statement').map((statement, index) => ({
    name: stringAt(statement, 'sid') ?? `#${index}`,
    effect: statement.effect === 'Deny' ? 'Deny' : 'Allow',
    actions: stringsAt(statement, 'actions'),
    resources: stringsAt(statement, 'resources'),
    principals: nestedBlocks(statement, 'principals').flatMap((principal) => stringsAt(principal, 'identifiers').map((id) => `${stringAt(principal, 'type') ?? '?'}:${id}`)),
    conditions: nestedBlocks(statement, 'condition').map((condition) => ({
      test: stringAt(condition, 'test') ?? '',
      variable: stringAt(condition, 'variable') ?? '',
      values: stringsAt(condition, 'values'),
    })),
  }));
}

/**
 * Pairs each head statement with its base statement: by sid, then by the same effect and actions,
 * then by position among the statements of the same effect left over.
 */
function pairStatements(base: readonly Statement[], head: readonly Statement[]): Map<Statement, Statement | undefined> {
  const left = [...base];
  const take = (match: (candidate: Statement) => boolean): Statement | undefined => {
    const at = left.findIndex(match);
    return at < 0 ? undefined : left.splice(at, 1)[0];
  };
  const sameActions = (a: Statement, b: Statement): boolean => canonicalJson([...a.actions].sort()) === canonicalJson([...b.actions].sort());
  const pairs = new Map<Statement, Statement | undefined>();
  for (const statement of head)
    if (!statement.name.startsWith('#'))
      pairs.set(
        statement,
        take((candidate) => candidate.name === statement.name),
      );
  for (const statement of head.filter((s) => !pairs.has(s)))
    pairs.set(
      statement,
      take((candidate) => candidate.name.startsWith('#') && candidate.effect === statement.effect && sameActions(candidate, statement)),
    );
  for (const [statement, match] of pairs)
    if (match === undefined && statement.name.startsWith('#'))
      pairs.set(
        statement,
        take((candidate) => candidate.name.startsWith('#') && candidate.effect === statement.effect),
      );
  return pairs;
}

/** Items of `after` that no pattern of `before` already allowed (`s3:GetObject` is within `s3:*`). */
function beyond(before: readonly string[], after: readonly string[], caseInsensitive: boolean): string[] {
  return after.filter((item) => !before.some((pattern) => wildcardMatches(pattern, item, caseInsensitive)));
}

/** `${aws_kms_key.key.arn}/*` -> `${aws_kms_key.*.arn}/*`: what a value says once the names of the blocks it references are left out. */
function referenceShape(value: string): string {
  return value.replace(/\$\{((?:data\.)?[A-Za-z][A-Za-z0-9_]*)\.[A-Za-z0-9_-]+\.([^}]+)\}/g, '$${$1.*.$2}');
}

/**
 * Splits the items `after` adds into references re-pointed one for one (`${aws_kms_key.key.arn}` ->
 * `${aws_kms_key.state-key.arn}`: a block renamed, the same kind of thing) and real additions. A rule
 * sees one block, so whether the new block is the old one under a new name is not known: a
 * re-pointed reference is noted, not weighed as a widening.
 */
function splitRepointed(before: readonly string[], after: readonly string[], added: readonly string[]): { repointed: string[]; added: string[] } {
  const gone = before.filter((item) => !after.includes(item));
  const repointed: string[] = [];
  const rest: string[] = [];
  for (const item of added) {
    const at = item.includes('${') ? gone.findIndex((old) => referenceShape(old) === referenceShape(item)) : -1;
    if (at < 0) rest.push(item);
    else repointed.push(`${gone.splice(at, 1)[0]} -> ${item}`);
  }
  return { repointed, added: rest };
}

const isTrust = (statement: Statement): boolean => statement.actions.some((action) => /^sts:AssumeRole/i.test(action));

/** A resource that names everything of a kind: `*`, or an ARN with a wildcard account or region, or every resource of a global service (`arn:aws:s3:::*`). */
function isWildcardResource(resource: string): boolean {
  if (resource === '*') return true;
  const [arn, , , region, account, ...rest] = resource.split(':');
  if (arn !== 'arn') return false;
  return (region ?? '').includes('*') || (account ?? '').includes('*') || (account === '' && rest.join(':') === '*');
}

/** A condition value that accepts anything: `*` (with `?` and separators around it at most). */
const acceptsAnything = (value: string): boolean => /^[*?:/]*\*[*?:/]*$/.test(value);

/** What dropping the condition, or letting it accept anything, lets in: `:sub` and `:aud` are the OIDC trust's subject and audience. */
function conditionScope(variable: string): string {
  if (variable.endsWith(':sub')) return ' (any subject of the issuer: any repository, branch or workload)';
  if (variable.endsWith(':aud')) return ' (any audience of the issuer)';
  return '';
}

const plus = (items: readonly string[]): string => items.map((item) => `+${item}`).join(', ');

/** One line per condition of the base that the head loosens: removed, `Equals` -> `Like`, values added or wildcarded (re-pointed references apart). */
function conditionEdits(before: Statement, after: Statement): { loosened: string[]; repointed: string[] } {
  const loosened: string[] = [];
  const repointed: string[] = [];
  for (const condition of before.conditions) {
    const now = after.conditions.find((candidate) => candidate.variable === condition.variable && candidate.test.includes('Not') === condition.test.includes('Not'));
    if (now === undefined) {
      loosened.push(`condition ${condition.test} ${condition.variable} removed${conditionScope(condition.variable)}`);
      continue;
    }
    const parts: string[] = [];
    if (condition.test.includes('Equals') && now.test === condition.test.replace('Equals', 'Like')) parts.push(`${condition.test} -> ${now.test}`);
    const negated = condition.test.includes('Not');
    const widened = negated ? condition.values.filter((value) => !now.values.includes(value)) : beyond(condition.values, now.values, false);
    const split = negated ? { repointed: [], added: widened } : splitRepointed(condition.values, now.values, widened);
    repointed.push(...split.repointed.map((pair) => `condition on ${condition.variable}: ${pair}`));
    if (split.added.length > 0) parts.push(`${negated ? 'no longer excludes' : 'now accepts'} ${split.added.join(', ')}`);
    if (parts.length > 0) {
      const anything = !negated && split.added.some(acceptsAnything) ? conditionScope(condition.variable) : '';
      loosened.push(`condition on ${condition.variable} ${parts.join(', ')}${anything}`);
    }
  }
  return { loosened, repointed };
}

/** A new document: only what no reviewer should let through unread (full admin, a public principal). */
function newDocumentWidenings(head: readonly Statement[]): Widening[] {
  const widenings: Widening[] = [];
  for (const statement of head.filter((s) => s.effect === 'Allow')) {
    if (statement.actions.includes('*')) widenings.push({ what: `new statement ${statement.name} allows every action (*)`, path: 'statement' });
    if (statement.principals.some((principal) => principal.endsWith(':*')))
      widenings.push({ what: `new statement ${statement.name} trusts any principal (*)`, path: 'statement', trust: true });
  }
  return widenings;
}

/** What an Allow statement of the head adds to its base statement. */
function allowWidenings(statement: Statement, before: Statement, kind: string, trust: boolean): Widening[] {
  const widenings: Widening[] = [];
  const name = `${kind} ${statement.name}`;
  const addedActions = beyond(before.actions, statement.actions, true);
  if (addedActions.length > 0) {
    const removed = before.actions.filter((action) => !statement.actions.includes(action));
    widenings.push({ what: `${name}: actions ${[plus(addedActions), ...removed.map((action) => `-${action}`)].join(', ')}`, path: 'statement', trust });
  }
  if (before.resources.length > 0) {
    const resources = splitRepointed(before.resources, statement.resources, beyond(before.resources, statement.resources, false));
    const wildcards = resources.added.filter(isWildcardResource);
    if (wildcards.length > 0) widenings.push({ what: `${name}: resources ${plus(wildcards)} (every resource of the kind)`, path: 'statement', trust });
    const more = resources.added.filter((resource) => !isWildcardResource(resource));
    if (more.length > 0) widenings.push({ what: `${statement.name} ${plus(more)}`, path: 'statement', trust, reach: 'more resources' });
    for (const pair of resources.repointed) widenings.push({ what: `${name}: resource ${pair}`, path: 'statement', reach: 're-pointed' });
  }
  const principals = splitRepointed(before.principals, statement.principals, beyond(before.principals, statement.principals, false));
  if (principals.added.length > 0) widenings.push({ what: `${name}: principals ${plus(principals.added)}`, path: 'statement', trust: true });
  for (const pair of principals.repointed) widenings.push({ what: `${name}: principal ${pair}`, path: 'statement', reach: 're-pointed' });
  const conditions = conditionEdits(before, statement);
  for (const loosened of conditions.loosened) widenings.push({ what: `${name}: ${loosened}`, path: 'statement', trust });
  for (const pair of conditions.repointed) widenings.push({ what: `${name}: ${pair}`, path: 'statement', reach: 're-pointed' });
  return widenings;
}

/**
 * A statement added: the same actions the document already allows, on resources that name no
 * wildcard and with no principal, only reaches more resources (a cluster added); anything else widens.
 */
function addedStatementWidening(statement: Statement, base: readonly Statement[], kind: string, trust: boolean): Widening {
  const allowed = base.filter((s) => s.effect === 'Allow').flatMap((s) => s.actions);
  const sameActions = beyond(allowed, statement.actions, true).length === 0;
  if (sameActions && statement.principals.length === 0 && statement.resources.length > 0 && !statement.resources.some(isWildcardResource))
    return { what: `${statement.name} (new) ${plus(statement.resources)}`, path: 'statement', trust, reach: 'more resources' };
  return { what: `${kind} ${statement.name} added: Allow ${statement.actions.join(', ')} on ${statement.resources.join(', ') || '(no resource)'}`, path: 'statement', trust };
}

/** Deny statements of the base that the head drops or narrows. */
function denyWidenings(base: readonly Statement[], pairs: Map<Statement, Statement | undefined>): Widening[] {
  const widenings: Widening[] = [];
  const kept = new Set([...pairs.values()]);
  for (const deny of base.filter((statement) => statement.effect === 'Deny')) {
    const storageProtection = deny.conditions.some((condition) => STORAGE_DENY_VARIABLES.includes(condition.variable));
    if (!kept.has(deny)) {
      widenings.push({ what: `Deny statement ${deny.name} (${deny.actions.join(', ')}) removed`, path: 'statement', storageProtection });
      continue;
    }
    const now = [...pairs.entries()].find(([, before]) => before === deny)?.[0];
    if (now === undefined) continue;
    const dropped = beyond(now.actions, deny.actions, true);
    if (dropped.length > 0) widenings.push({ what: `Deny statement ${deny.name} no longer denies ${dropped.join(', ')}`, path: 'statement', storageProtection });
    // A Deny that covers fewer resources protects less; a reference re-pointed to a renamed block is noted only.
    const uncovered = splitRepointed(now.resources, deny.resources, beyond(now.resources, deny.resources, false));
    if (uncovered.added.length > 0) widenings.push({ what: `Deny statement ${deny.name} no longer covers ${uncovered.added.join(', ')}`, path: 'statement', storageProtection });
    for (const pair of uncovered.repointed)
      widenings.push({ what: `Deny statement ${deny.name}: resource ${pair.split(' -> ').reverse().join(' -> ')}`, path: 'statement', reach: 're-pointed' });
  }
  return widenings;
}

/** How the statements of an `aws_iam_policy_document` widen between two revisions. */
export function policyDocumentWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (head === undefined) return [];
  const headStatements = statements(head);
  if (base === undefined) return newDocumentWidenings(headStatements);
  const baseStatements = statements(base);
  const pairs = pairStatements(baseStatements, headStatements);
  const widenings: Widening[] = [];
  for (const [statement, before] of pairs) {
    if (statement.effect === 'Deny') continue;
    const trust = isTrust(statement);
    const kind = trust ? 'trust statement' : 'statement';
    if (before === undefined) widenings.push(addedStatementWidening(statement, baseStatements, kind, trust));
    else if (before.effect === 'Deny') widenings.push({ what: `${kind} ${statement.name} turned from Deny into Allow`, path: 'statement', trust });
    else widenings.push(...allowWidenings(statement, before, kind, trust));
  }
  return [...widenings, ...denyWidenings(baseStatements, pairs)];
}
