import type { TerraformResourceView } from '../types';
import { blocks, isRecord } from './attributes';
import { parseJsonencode } from './hcl-expression';
import { referencedView } from './references';

export interface PolicyPrincipal {
  /** `AWS`, `Federated`, `Service` or `*`. */
  readonly type: string;
  readonly identifiers: readonly string[];
}

export interface PolicyCondition {
  /** The operator, e.g. `StringEquals`, `StringLike`, `Bool`. */
  readonly test: string;
  /** The context key, e.g. `token.actions.githubusercontent.com:sub`. */
  readonly variable: string;
  readonly values: readonly string[];
}

/** An IAM policy statement, whichever way it was written. */
export interface PolicyStatement {
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly principals: readonly PolicyPrincipal[];
  readonly conditions: readonly PolicyCondition[];
}

/** How deep policy documents may include one another (`source_policy_documents`) before we stop. */
const MAX_DEPTH = 5;

/**
 * The statements of an IAM policy attribute, whichever way the stack wrote it: a JSON string
 * (`JSON.stringify`), `${jsonencode(...)}` (`Fn.jsonencode`), or a reference to an
 * `aws_iam_policy_document` data source (`policy.json`) or another resource's `policy` in the same
 * stack. `undefined` when the policy cannot be read at synth (a computed value, a function call):
 * rules treat an unreadable policy as not shown to be compliant.
 */
export function readPolicy(value: unknown, resources: readonly TerraformResourceView[], depth = 0): PolicyStatement[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (isRecord(value)) return fromJson(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (trimmed.startsWith('${jsonencode(')) {
    const parsed = parseJsonencode(trimmed);
    return isRecord(parsed) ? fromJson(parsed) : undefined;
  }
  const referenced = referencedView(trimmed, resources);
  if (referenced !== undefined) {
    if (referenced.mode === 'data' && referenced.type === 'aws_iam_policy_document') return fromDocument(referenced, resources, depth + 1);
    return readPolicy(referenced.attributes.policy, resources, depth + 1);
  }
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return isRecord(parsed) ? fromJson(parsed) : undefined;
  } catch {
    return undefined;
  }
}

/** Statements of an `aws_iam_policy_document` data source, including the documents it merges. */
function fromDocument(document: TerraformResourceView, resources: readonly TerraformResourceView[], depth: number): PolicyStatement[] | undefined {
  const merged = [...listOf(document.attributes.source_policy_documents), ...listOf(document.attributes.override_policy_documents)].map((source) =>
    readPolicy(source, resources, depth),
  );
  if (merged.some((m) => m === undefined)) return undefined;
  const own = blocks(document.attributes.statement).map(
    (s): PolicyStatement => ({
      ...(typeof s.sid === 'string' ? { sid: s.sid } : {}),
      effect: s.effect === 'Deny' ? 'Deny' : 'Allow',
      actions: strings(s.actions),
      notActions: strings(s.not_actions),
      resources: strings(s.resources),
      principals: blocks(s.principals).map((p) => ({ type: String(p.type ?? ''), identifiers: strings(p.identifiers) })),
      conditions: blocks(s.condition).map((c) => ({ test: String(c.test ?? ''), variable: String(c.variable ?? ''), values: strings(c.values) })),
    }),
  );
  return [...merged.flatMap((m) => m ?? []), ...own];
}

/** Statements of a policy in IAM's JSON grammar. */
function fromJson(policy: Record<string, unknown>): PolicyStatement[] {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return statements.filter(isRecord).map(
    (s): PolicyStatement => ({
      ...(typeof s.Sid === 'string' ? { sid: s.Sid } : {}),
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      actions: strings(s.Action),
      notActions: strings(s.NotAction),
      resources: strings(s.Resource),
      principals: principalsOf(s.Principal),
      conditions: conditionsOf(s.Condition),
    }),
  );
}

function principalsOf(principal: unknown): PolicyPrincipal[] {
  if (principal === '*') return [{ type: '*', identifiers: ['*'] }];
  if (!isRecord(principal)) return [];
  return Object.entries(principal).map(([type, identifiers]) => ({ type, identifiers: strings(identifiers) }));
}

function conditionsOf(condition: unknown): PolicyCondition[] {
  if (!isRecord(condition)) return [];
  return Object.entries(condition).flatMap(([test, byVariable]) =>
    isRecord(byVariable) ? Object.entries(byVariable).map(([variable, values]) => ({ test, variable, values: strings(values) })) : [],
  );
}

/** A string, a list of strings, or scalars written as JSON values (`true`) as strings. */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String);
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** Whether an IAM action pattern grants every action of every service. */
export function isWildcardAction(action: string): boolean {
  return action === '*' || action === '*:*';
}

/**
 * Whether an IAM action pattern grants every action of one service (`iam:*`, `s3:*`): on every
 * resource (`*`) that includes identity and key administration of the whole account.
 */
export function isServiceWildcardAction(action: string): boolean {
  return /^[A-Za-z0-9-]+:\*$/.test(action) && !isWildcardAction(action);
}
