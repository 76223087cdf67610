import { stringify } from 'yaml';

/**
 * YAML text as gitops-cdk writes it everywhere (manifests, and YAML embedded in ConfigMaps and
 * Helm values): no line folding, so a diff shows whole values; literal blocks for multi-line
 * strings; no anchors, so every value reads where it is used.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}
