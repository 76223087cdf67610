import { createHash } from 'node:crypto';
import type { PolicyExceptionDefinition } from '../../../constructs/kyverno/policy-exception';
import type { SecretDeclaration } from '../../../constructs/secrets/required-secret';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../../environments/types';
import type { EnginePart } from '../engine-part';
import { ManifestMemo } from './manifest-memo';
import { specText } from './spec-data';
import type { SynthCache } from './synth-cache';

/** An environment's Kubernetes side as the cache keeps it: an `EnginePart` as plain data. */
interface KeptKubernetes {
  readonly files: readonly (readonly [string, string])[];
  readonly summary: EnginePart['summary'];
  readonly results: EnginePart['results'];
  readonly located: NonNullable<EnginePart['located']>;
  readonly requiredSecrets: readonly SecretDeclaration[];
  /** The hash of the object in each manifest file, for the next build's `ManifestMemo`. */
  readonly hashes: readonly (readonly [string, string])[];
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
  synthesize: (renderManifest: (path: string, manifest: KubeManifest) => string) => EnginePart,
): EnginePart {
  const key = createHash('sha256').update(specText(spec)).update(`\n${today}\n`).update(specText(exceptions)).digest('hex');
  const entry = cache.read<KeptKubernetes>('kubernetes', spec.name, 'kubernetes');
  if (entry !== undefined && entry.inputs === key) {
    cache.reused();
    const kept = entry.output;
    return { files: new Map(kept.files), summary: kept.summary, results: kept.results, located: kept.located, requiredSecrets: kept.requiredSecrets };
  }
  // Rebuilt: the objects that did not change keep the YAML they had (ManifestMemo).
  const memo = new ManifestMemo(entry?.output);
  const part = synthesize((path, manifest) => memo.render(path, manifest));
  const kept: KeptKubernetes = {
    hashes: memo.hashes(),
    files: [...part.files],
    summary: part.summary,
    results: part.results,
    located: part.located ?? [],
    // The declarations are constructs: kept as the data the inventory and its rule read.
    requiredSecrets: (part.requiredSecrets ?? []).map((d) => ({ props: d.props, node: { path: d.node.path } })),
  };
  cache.keep('kubernetes', spec.name, 'kubernetes', key, kept);
  return part;
}
