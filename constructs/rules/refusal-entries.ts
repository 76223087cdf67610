import type { RuleEngine, RuleResult } from './result';
import { formatViolation, type Violation } from './violation';

/**
 * A failing result as the user reads it. Checks of synthesized output name their rule and the
 * object (`Secret/argocd/x: ... [k8s-no-plaintext-secrets]`), because the output is not what the
 * user edits; spec checks already point at the field of the environment file the user edits.
 */
export function violationOf(result: RuleResult): Violation {
  const onOutput = result.engine !== 'spec' && result.engine !== 'fleet';
  const named = onOutput && result.resource !== result.path && result.engine !== 'estate' ? `${result.resource}: ` : '';
  const { field, value, problem, fix } = statement(result);
  return { environment: result.environment, path: result.path, field, value, problem: `${named}${problem}${onOutput ? ` [${result.rule}]` : ''}`, fix };
}

/** What a failing result says, wherever it is: a result without a finding still reads as one. */
function statement(result: RuleResult): Pick<Violation, 'field' | 'value' | 'problem' | 'fix'> {
  return {
    field: result.field ?? 'rule',
    value: result.value ?? 'missing',
    problem: result.problem ?? `fails ${result.rule}`,
    fix: result.fix ?? 'see the rule in the compliance report',
  };
}

/**
 * The same problem in many places is one thing to fix: results of one rule in one environment with
 * the same field, value, problem and fix (a production spec asking for auto-prune fails every
 * Application alike) are told apart only by where they are.
 */
function sameProblem(r: RuleResult): string {
  return [r.environment, r.rule, r.field ?? '', r.value ?? '', r.problem ?? '', r.fix ?? ''].join('\u0000');
}

/** What the places of a group are, by the engine that found them. */
const PLACES: Readonly<Record<RuleEngine, string>> = { kubernetes: 'objects', terraform: 'resources', estate: 'places', spec: 'places', fleet: 'places' };

/** One entry for several results of the same problem: the rule, how many, where, then the problem as one result states it. */
function groupEntry(group: readonly RuleResult[]): string {
  const [first] = group as [RuleResult, ...RuleResult[]];
  const where = group.map((r) => r.path).join(', ');
  const v = statement(first);
  return `${first.environment}: ${first.rule}: ${group.length} ${PLACES[first.engine]} (${where}): ${v.field} is ${v.value}; ${v.problem} (fix: ${v.fix})`;
}

/**
 * The lines of a refusal, in the order of the first result of each: a result alone renders as its
 * violation (`env: path: field is value; problem (fix: ...)`), results of the same problem in several
 * places as one entry naming the rule, the count and every path. The results themselves stay one per
 * object (the compliance report lists each).
 */
export function refusalEntries(results: readonly RuleResult[]): string[] {
  const groups = new Map<string, RuleResult[]>();
  for (const result of results) {
    const key = sameProblem(result);
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => (group.length === 1 ? formatViolation(violationOf(group[0]!)) : groupEntry(group)));
}
