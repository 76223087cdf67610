import { ApiObject, JsonPatch } from 'cdk8s';
import { Namespace } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';

export interface LabelledNamespaceProps {
  readonly name: string;
  /** Its own labels (the Pod Security levels); the chart's labels are added as to every object. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A Namespace with labels: cdk8s-plus-28's `Namespace`, less the empty spec it forces.
 * `Namespace._toKube` (2.5.6, node_modules/cdk8s-plus-28/lib/namespace.js) always returns `{}`, so
 * every manifest would carry `spec: {}`; the API server fills in `spec.finalizers` itself, so the
 * field means nothing, and removing it keeps the manifests as they were. Without a `spec`,
 * `KubeNamespace.toJson` writes none (its `toJson_NamespaceSpec(undefined)` is dropped).
 * The ApiObject is the construct's `Resource` child (`ApiObject.of`).
 */
export function labelledNamespace(scope: Construct, id: string, props: LabelledNamespaceProps): Namespace {
  const namespace = new Namespace(scope, id, { metadata: { name: props.name, labels: { ...props.labels } } });
  ApiObject.of(namespace).addJsonPatch(JsonPatch.remove('/spec'));
  return namespace;
}
