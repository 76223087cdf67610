import { canonicalJson } from '../../../canonical-json';
import type { JsonObject } from '../../../estate-unit';
import { nestedBlocks, stringAt, stringsAt } from '../terraform-body';
import { type IamType, type Widening, wildcardMatches } from './types';

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
      take(
        (candidate) =>
          candidate.name.startsWith('#') && candidate.effect === statement.effect && canonicalJson([...candidate.actions].sort()) === canonicalJson([...statement.actions].sort()),
      ),
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

const isTrust = (statement: Statement): boolean => statement.actions.some((action) => /^sts:AssumeRole/i.test(action));
const isWildcardAction = (action: string): boolean => action === '*';

/** What dropping or loosening a condition lets in; `:sub` and `:aud` are the OIDC trust's subject and audience. */
function conditionScope(variable: string): string {
  if (variable.endsWith(':sub')) return ' (any subject of the issuer: any repository, branch or workload)';
  if (variable.endsWith(':aud')) return ' (any audience of the issuer)';
  return '';
}

/** Conditions of the head statement that let in more than the base's: removed, `Equals` -> `Like`, positive values added or wildcarded. */
function loosenedConditions(before: Statement, after: Statement): string[] {
  const loosened: string[] = [];
  for (const condition of before.conditions) {
    const now = after.conditions.find((candidate) => candidate.variable === condition.variable && candidate.test.includes('Not') === condition.test.includes('Not'));
    if (now === undefined) {
      loosened.push(`condition ${condition.test} ${condition.variable} removed${conditionScope(condition.variable)}`);
      continue;
    }
    if (condition.test.includes('Equals') && now.test === condition.test.replace('Equals', 'Like'))
      loosened.push(`condition on ${condition.variable} ${condition.test} -> ${now.test}`);
    const negated = condition.test.includes('Not');
    const widened = negated ? condition.values.filter((value) => !now.values.includes(value)) : beyond(condition.values, now.values, false);
    if (widened.length > 0)
      loosened.push(`condition on ${condition.variable} ${negated ? 'no longer excludes' : 'now accepts'} ${widened.join(', ')}${conditionScope(condition.variable)}`);
  }
  return loosened;
}

function policyDocumentWidenings(base: JsonObject | undefined, head: JsonObject | undefined): Widening[] {
  if (head === undefined) return [];
  const widenings: Widening[] = [];
  const headStatements = statements(head);
  if (base === undefined) {
    // A new document: only what no reviewer should let through unread (full admin, a public principal).
    for (const statement of headStatements.filter((s) => s.effect === 'Allow')) {
      if (statement.actions.some(isWildcardAction)) widenings.push({ what: `new statement ${statement.name} allows every action (*)`, path: 'statement' });
      if (statement.principals.some((principal) => principal.endsWith(':*')))
        widenings.push({ what: `new statement ${statement.name} trusts any principal (*)`, path: 'statement', trust: true });
    }
    return widenings;
  }
  const baseStatements = statements(base);
  const pairs = pairStatements(baseStatements, headStatements);
  for (const [statement, before] of pairs) {
    const trust = isTrust(statement);
    const kind = trust ? 'trust statement' : 'statement';
    if (statement.effect === 'Deny') continue;
    if (before === undefined) {
      widenings.push({
        what: `${kind} ${statement.name} added: Allow ${statement.actions.join(', ')} on ${statement.resources.join(', ') || '(no resource)'}`,
        path: 'statement',
        trust,
      });
      continue;
    }
    if (before.effect === 'Deny') {
      widenings.push({ what: `${kind} ${statement.name} turned from Deny into Allow`, path: 'statement', trust });
      continue;
    }
    const actions = beyond(before.actions, statement.actions, true);
    if (actions.length > 0)
      widenings.push({ what: `${kind} ${statement.name}: actions ${before.actions.join(', ')} -> ${statement.actions.join(', ')}`, path: 'statement', trust });
    const resources = beyond(before.resources, statement.resources, false);
    if (resources.length > 0 && before.resources.length > 0)
      widenings.push({ what: `${kind} ${statement.name}: resources now include ${resources.join(', ')}`, path: 'statement', trust });
    const principals = beyond(before.principals, statement.principals, false);
    if (principals.length > 0) widenings.push({ what: `${kind} ${statement.name}: principals now include ${principals.join(', ')}`, path: 'statement', trust: true });
    for (const loosened of loosenedConditions(before, statement)) widenings.push({ what: `${kind} ${statement.name}: ${loosened}`, path: 'statement', trust });
  }
  const kept = new Set([...pairs.values()]);
  for (const deny of baseStatements.filter((statement) => statement.effect === 'Deny')) {
    if (!kept.has(deny)) {
      widenings.push({ what: `Deny statement ${deny.name} (${deny.actions.join(', ')}) removed`, path: 'statement' });
      continue;
    }
    const now = [...pairs.entries()].find(([, before]) => before === deny)?.[0];
    const dropped = now === undefined ? [] : beyond(now.actions, deny.actions, true);
    if (dropped.length > 0) widenings.push({ what: `Deny statement ${deny.name} no longer denies ${dropped.join(', ')}`, path: 'statement' });
  }
  return widenings;
}

/** AWS-managed policies that grant (nearly) everything, or everything on IAM: attaching one is an admin grant. */
function isAdminPolicy(arn: string | undefined): boolean {
  return arn !== undefined && /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess|[A-Za-z]*FullAccess)$/.test(arn);
}

/** EKS access policies that make a principal administrator of the cluster (AWS EKS "access policy permissions"). */
function isClusterAdminAccessPolicy(arn: string | undefined): boolean {
  return arn !== undefined && /cluster-access-policy\/(AmazonEKSClusterAdminPolicy|AmazonEKSAdminPolicy)$/.test(arn);
}

/**
 * AWS (hashicorp/terraform-provider-aws 6.25.0): the estate writes every policy as an
 * `aws_iam_policy_document` data source (internal/service/iam/policy_document_data_source.go), roles
 * and policies reference its `.json`, so the document is where a grant or trust widens.
 */
export const AWS_IAM: readonly IamType[] = [
  { block: 'data', type: 'aws_iam_policy_document', widenings: policyDocumentWidenings },
  {
    block: 'resource',
    type: 'aws_iam_role_policy_attachment',
    widenings: (base, head) => {
      const arn = stringAt(head, 'policy_arn');
      return isAdminPolicy(arn) && stringAt(base, 'policy_arn') !== arn
        ? [{ what: `AWS-managed ${arn} attached to ${stringAt(head, 'role') ?? 'a role'}`, path: 'policy_arn' }]
        : [];
    },
  },
  {
    block: 'resource',
    type: 'aws_iam_role',
    widenings: (base, head) => {
      const boundary = stringAt(base, 'permissions_boundary');
      if (base === undefined || head === undefined || boundary === undefined || stringAt(head, 'permissions_boundary') === boundary) return [];
      return [{ what: `permissions boundary ${boundary} -> ${stringAt(head, 'permissions_boundary') ?? '(none)'}`, path: 'permissions_boundary' }];
    },
  },
  {
    block: 'resource',
    type: 'aws_iam_openid_connect_provider',
    widenings: (base, head) => {
      if (base === undefined || head === undefined) return [];
      const widenings: Widening[] = [];
      const audiences = stringsAt(head, 'client_id_list').filter((id) => !stringsAt(base, 'client_id_list').includes(id));
      if (audiences.length > 0) widenings.push({ what: `OIDC provider now accepts audiences ${audiences.join(', ')}`, path: 'client_id_list', trust: true });
      if (stringAt(base, 'url') !== stringAt(head, 'url'))
        widenings.push({ what: `OIDC provider issuer ${stringAt(base, 'url')} -> ${stringAt(head, 'url')}`, path: 'url', trust: true });
      return widenings;
    },
  },
  {
    block: 'resource',
    type: 'aws_eks_access_policy_association',
    widenings: (base, head) => {
      const widenings: Widening[] = [];
      const arn = stringAt(head, 'policy_arn');
      if (isClusterAdminAccessPolicy(arn) && stringAt(base, 'policy_arn') !== arn)
        widenings.push({ what: `EKS access policy ${arn} associated with ${stringAt(head, 'principal_arn') ?? 'a principal'}`, path: 'policy_arn' });
      if (base !== undefined && stringAt(base, 'access_scope.type') === 'namespace' && stringAt(head, 'access_scope.type') === 'cluster')
        widenings.push({ what: 'EKS access scope namespace -> cluster', path: 'access_scope[0].type' });
      return widenings;
    },
  },
];
