import type { KubeManifest } from '../../synth/kube-manifest';

/**
 * What the image rule reads of a synthesized Argo Rollouts `Rollout` (any field may be missing: it was
 * written by hand or by a construct). Its analyses: rollout-analyses.ts.
 */
export interface RolloutView {
  /** `spec.template.spec.containers[i].image`, with the field each is at. */
  readonly images: readonly { readonly field: string; readonly image: unknown }[];
}

type Loose = { readonly [key: string]: unknown } | undefined;

const asObject = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined);

export function rolloutView(manifest: KubeManifest): RolloutView {
  const spec = asObject(manifest.spec);
  const podSpec = asObject(asObject(spec?.template)?.spec);
  const lists = ['initContainers', 'containers'] as const;
  const images = lists.flatMap((list) => {
    const containers = podSpec?.[list];
    return Array.isArray(containers) ? containers.map((c: unknown, i) => ({ field: `spec.template.spec.${list}[${i}].image`, image: asObject(c)?.image })) : [];
  });
  return { images };
}
