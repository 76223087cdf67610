import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { NAMESPACE_NAME_LABEL } from '../kubernetes/namespace-name-label';
import type { DeliveredWorkloadSpec } from './delivery-spec';
import { workloadSelector } from './workload-pod-template';

/** The namespace Prometheus runs in (the kube-prometheus-stack add-on), which scrapes the workload's metrics. */
export const PROMETHEUS_NAMESPACE = 'monitoring';

/**
 * What the workload's pods must receive through the `default-deny` NetworkPolicy that the
 * estate's Kyverno generates in every tenant namespace (policies/add-default-network-policy.ts):
 *
 * - `<name>-allow-prometheus`: the metrics port, from the monitoring namespace only. By namespace,
 *   not by Prometheus pod labels: the chart's pod labels are the operator's to change, and the
 *   namespace is the platform's own, excluded from every tenant policy.
 * - `<name>-allow-serving`: the ports it serves (every port but metrics), from any pod of the
 *   cluster: no ingress controller exists in the estate, so its clients are in-cluster. The Argo
 *   Rollouts controller (namespace argo-rollouts) is one: it sends a blue-green preview its smoke
 *   requests (analysis/workload-smoke-template.ts), which the spec keeps on a served port.
 *
 * Egress stays denied except DNS (the default-deny's own exception): the workload calls nothing.
 * Kubelet probes come from the node, which NetworkPolicies do not filter on the clouds' CNIs.
 */
export function workloadNetworkPolicies(workload: DeliveredWorkloadSpec): INetworkPolicy[] {
  const podSelector = { matchLabels: workloadSelector(workload) };
  const served = workload.ports.filter((p) => p.name !== workload.metrics.port);
  const policy = (suffix: string, spec: INetworkPolicy['spec']): INetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${workload.name}-${suffix}`, namespace: workload.namespace },
    spec,
  });
  return [
    policy('allow-prometheus', {
      podSelector,
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: PROMETHEUS_NAMESPACE } } }],
          ports: [{ protocol: 'TCP', port: workload.metrics.port }],
        },
      ],
    }),
    policy('allow-serving', {
      podSelector,
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {} }], ports: served.map((p) => ({ protocol: 'TCP', port: p.name })) }],
    }),
  ];
}
