import { spawnSync } from 'node:child_process';

/** A measurement for Argo Rollouts to judge: a metric's two conditions and the `result` the Prometheus provider hands them. */
export interface ConditionCase {
  readonly successCondition: string;
  readonly failureCondition: string;
  /** The samples of the query's instant vector (empty: no series matched). */
  readonly result: readonly number[];
}

export type EnginePhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

export interface EngineVerdict {
  readonly phase: EnginePhase;
  /** expr's message when the phase is Error. */
  readonly error?: string;
}

/** JSON has no NaN or infinities: evaluate-condition reads Prometheus' spelling of them. */
function sampleJson(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return value;
}

/**
 * The phases Argo Rollouts' own utils/evaluate EvaluateResult gives the cases, in order, run by
 * engines/argo-rollouts-<version>'s evaluate-condition (apps/verify/engines.ts argoRolloutsEvaluator).
 */
export function engineVerdicts(evaluator: string, cases: readonly ConditionCase[]): EngineVerdict[] {
  const input = JSON.stringify(cases.map((c) => ({ success: c.successCondition, failure: c.failureCondition, result: c.result.map(sampleJson) })));
  const run = spawnSync(evaluator, [], { input, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (run.error !== undefined || run.status !== 0) throw new Error(`${evaluator} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const verdicts = JSON.parse(run.stdout) as EngineVerdict[];
  if (verdicts.length !== cases.length) throw new Error(`${evaluator} judged ${verdicts.length} of ${cases.length} cases`);
  return verdicts;
}

/** The version of github.com/argoproj/argo-rollouts the evaluator was built with. */
export function evaluatorVersion(evaluator: string): string {
  return spawnSync(evaluator, ['--version'], { encoding: 'utf8' }).stdout.trim();
}
