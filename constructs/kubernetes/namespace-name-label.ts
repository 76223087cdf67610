/**
 * The label the API server sets on every Namespace with its own name, on create and update
 * (kubernetes v1.34.4 pkg/registry/core/namespace/strategy.go), so it cannot be forged: a
 * NetworkPolicy peer that names a namespace selects it by this label.
 */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
