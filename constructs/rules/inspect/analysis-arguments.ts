import { isRecord } from './attributes';

/**
 * The arguments of an AnalysisRun, as far as synth can know them. The controller substitutes
 * `{{args.NAME}}` (spaces inside the braces allowed) throughout each metric before it validates and
 * judges it, conditions and limits included (argo-rollouts v1.7.2/v1.8.0 analysis/analysis.go
 * getResolvedMetricsWithoutSecrets, utils/template/template.go resolve). A run's arguments are the
 * template's `spec.args` with the Rollout analysis's `args` overriding them by name
 * (utils/analysis/helpers.go MergeArgs, which ignores arguments the template does not declare).
 * A `valueFrom` (pod template hash, field or secret reference) is only known in the cluster.
 */

/** Argument name to its value; `undefined`: known only in the cluster (valueFrom, or none given). */
export type ArgumentValues = ReadonlyMap<string, string | undefined>;

function entriesOf(args: unknown): [string, string | undefined][] {
  if (!Array.isArray(args)) return [];
  return args
    .filter(isRecord)
    .flatMap((arg) => (typeof arg.name === 'string' ? [[arg.name, typeof arg.value === 'string' ? arg.value : undefined] as [string, string | undefined]] : []));
}

/** The template's arguments, overridden by those the Rollout passes (an argument the template does not declare is dropped). */
export function argumentValues(templateArgs: unknown, rolloutArgs: unknown): ArgumentValues {
  const values = new Map(entriesOf(templateArgs));
  for (const [name, value] of entriesOf(rolloutArgs)) if (values.has(name)) values.set(name, value);
  return values;
}

const ARGUMENT = /\{\{\s*args\.([^}\s]+)\s*\}\}/g;

/** A metric field after substitution, and the arguments it reads that synth cannot know. */
export function resolveArguments(value: unknown, values: ArgumentValues): { readonly value: unknown; readonly unknown: readonly string[] } {
  if (typeof value !== 'string') return { value, unknown: [] };
  const unknown: string[] = [];
  const resolved = value.replace(ARGUMENT, (whole: string, name: string) => {
    const known = values.get(name);
    if (known === undefined) unknown.push(name);
    return known ?? whole;
  });
  return { value: resolved, unknown };
}
