import type { KubeResource } from './policy-definition';

/**
 * Builders of the resources a policy's test cases admit, for any catalog: objects whose shape
 * does not depend on what the catalog requires (a catalog's compliant Pod does, and stays with it).
 */

/** A Namespace with the given labels. */
export function namespace(name: string, labels: Readonly<Record<string, string>> = {}): KubeResource {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}
