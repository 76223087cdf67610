import { TENANT_LABEL } from '../kubernetes/gitops-cdk-labels';

/** The Namespace label naming the cost centre its spend is charged to (the tenant's `costCentre`). */
export const COST_CENTRE_LABEL = 'cost-centre';

/**
 * Namespace labels kube-state-metrics copies onto `kube_namespace_labels`, so rules can say which
 * tenant and cost centre a namespace's cost belongs to. kube-state-metrics exports only the
 * labels it is allowed (chart `metricLabelsAllowlist`, default none).
 */
export const COST_NAMESPACE_LABELS: readonly string[] = [TENANT_LABEL, COST_CENTRE_LABEL];

/**
 * The Prometheus label kube-state-metrics gives a Kubernetes label: `label_` and the key with every
 * character not valid in a Prometheus label name replaced by `_`, as kube-state-metrics sanitises
 * label keys: `gitops-cdk.io/tenant` becomes `label_gitops_cdk_io_tenant`.
 */
export function kubeStateMetricsLabel(key: string): string {
  return `label_${key.replace(/[^a-zA-Z0-9_]/g, '_')}`;
}

/**
 * kube-state-metrics chart `metricLabelsAllowlist` (rendered as `--metric-labels-allowlist`, joined
 * with `,`: charts/kube-state-metrics/templates/deployment.yaml at chart 5.27/5.28): the cost labels of Namespaces.
 */
export function namespaceMetricLabelsAllowlist(): string[] {
  return [`namespaces=[${COST_NAMESPACE_LABELS.join(',')}]`];
}
