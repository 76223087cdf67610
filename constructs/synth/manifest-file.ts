import { toYaml } from '../core/yaml-text';
import type { KubeManifest } from './kube-manifest';

/** Stable file name of an object inside its component folder: `<kind>-<name>.yaml`, lower case. */
export function manifestFileName(manifest: KubeManifest): string {
  return `${manifest.kind.toLowerCase()}-${manifest.metadata.name}.yaml`;
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
