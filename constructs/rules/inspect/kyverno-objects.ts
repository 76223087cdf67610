import type { Rule } from '../../kyverno/types';
import type { KubeManifest } from '../../synth/kube-manifest';

/** The rules of a synthesized Kyverno ClusterPolicy, or none for any other object. */
export function clusterPolicyRules(manifest: KubeManifest): readonly Rule[] {
  if (manifest.apiVersion !== 'kyverno.io/v1' || manifest.kind !== 'ClusterPolicy') return [];
  return (manifest.spec as { rules?: readonly Rule[] } | undefined)?.rules ?? [];
}
