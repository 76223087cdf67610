import { toYaml } from '../core/yaml-text';
import type { KubeManifest } from './kube-manifest';

/**
 * How a component folder names its files: `kind-name` (`<kind>-<name>.yaml`), or, for a folder
 * holding the same names in several namespaces (a tenant's quota in each of its namespaces),
 * `kind-namespace-name` (`<kind>-<namespace>-<name>.yaml` for namespaced objects).
 */
export type ManifestFileNames = 'kind-name' | 'kind-namespace-name';

/** Stable file name of an object inside its component folder, lower case. */
export function manifestFileName(manifest: KubeManifest, names: ManifestFileNames = 'kind-name'): string {
  const namespace = names === 'kind-namespace-name' ? manifest.metadata.namespace : undefined;
  return `${manifest.kind.toLowerCase()}-${namespace !== undefined ? `${namespace}-` : ''}${manifest.metadata.name}.yaml`;
}

/**
 * YAML text of one object: `apiVersion`, `kind`, `metadata` first as people write them, the rest
 * in the key order cdk8s already sorted; no line folding, so a diff shows whole values.
 */
export function manifestYaml(manifest: KubeManifest): string {
  const { apiVersion, kind, metadata, ...rest } = manifest;
  return toYaml({ apiVersion, kind, metadata, ...rest });
}

/** A plain kustomization listing resources, readable by old kustomize builds too. */
export function kustomizationYaml(resources: readonly string[]): string {
  return toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] });
}
