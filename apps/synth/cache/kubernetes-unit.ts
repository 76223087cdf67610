import { createHash } from 'node:crypto';
import type { PolicyExceptionDefinition } from '../../../constructs/kyverno/policy-exception';
import type { EnvironmentSpec } from '../../../environments/types';
import type { EnginePart } from '../engine-part';
import { specText } from './spec-data';
import type { SynthCache } from './synth-cache';

/** An environment's Kubernetes side as the cache keeps it: an `EnginePart` as plain data. */
interface KeptKubernetes {
  readonly files: readonly (readonly [string, string])[];
  readonly summary: EnginePart['summary'];
  readonly results: EnginePart['results'];
  readonly located: NonNullable<EnginePart['located']>;
  readonly requiredSecrets: readonly { readonly props: NonNullable<EnginePart['requiredSecrets']>[number]['props']; readonly node: { readonly path: string } }[];
}

/**
 * The Kubernetes side of an environment, from the cache when the code, the whole spec, the date
 * and the policy exceptions are what they were, else synthesized by `synthesize` and kept. The
 * unit is the environment: its charts read every cluster (the clusters chart, the ApplicationSets'
 * generators) and are built in one app, so a finer unit would rebuild nearly as much.
 */
export function cachedKubernetes(
  cache: SynthCache,
  spec: EnvironmentSpec,
  today: string,
  exceptions: readonly PolicyExceptionDefinition[],
  synthesize: () => EnginePart,
): EnginePart {
  const key = createHash('sha256').update(specText(spec)).update(`\n${today}\n`).update(specText(exceptions)).digest('hex');
  const entry = cache.read<KeptKubernetes>('kubernetes', spec.name, 'kubernetes');
  if (entry !== undefined && entry.inputs === key) {
    cache.reused();
    const kept = entry.output;
    return { files: new Map(kept.files), summary: kept.summary, results: kept.results, located: kept.located, requiredSecrets: kept.requiredSecrets };
  }
  const part = synthesize();
  const kept: KeptKubernetes = {
    files: [...part.files],
    summary: part.summary,
    results: part.results,
    located: part.located ?? [],
    requiredSecrets: (part.requiredSecrets ?? []).map((d) => ({ props: d.props, node: { path: d.node.path } })),
  };
  cache.keep('kubernetes', spec.name, 'kubernetes', key, kept);
  return part;
}
