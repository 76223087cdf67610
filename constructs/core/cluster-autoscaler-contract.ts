import type { EksClusterSpec } from '../kubernetes/cluster-spec';
import { iamRoleArn } from '../terraform/aws/eks-identity-names';

/**
 * Names the cluster-autoscaler's Kubernetes side (its Helm values) and Terraform side (its IRSA
 * role) must agree on. Plain data, no cdktf: the Kubernetes synth imports it without loading the
 * providers.
 */

/**
 * Kubernetes identity of the cluster-autoscaler on every EKS cluster: the ServiceAccount its Helm
 * release runs as (`rbac.serviceAccount.name`), which its IRSA role trusts alone.
 */
export const CLUSTER_AUTOSCALER_WORKLOAD = { namespace: 'kube-system', serviceAccount: 'cluster-autoscaler' } as const;

/**
 * Name of the cluster-autoscaler's IAM role on an EKS cluster, `<cluster>-cluster-autoscaler`: the
 * `<cluster>-` prefix is one of the names the CI apply role may create (foundation-stack.ts
 * `namePrefixes`).
 */
export function clusterAutoscalerRoleName(cluster: Pick<EksClusterSpec, 'name'>): string {
  return `${cluster.name}-cluster-autoscaler`;
}

/** Its ARN in the environment's account, known before the cluster stack is applied (the ServiceAccount annotation). */
export function clusterAutoscalerRoleArn(accountId: string, cluster: Pick<EksClusterSpec, 'name'>): string {
  return iamRoleArn(accountId, clusterAutoscalerRoleName(cluster));
}

/**
 * The tags Amazon EKS puts on the Auto Scaling group of every managed node group ("Amazon EKS tags
 * managed node group resources so that they are configured to use the Kubernetes Cluster
 * Autoscaler", awsdocs/amazon-eks-user-guide latest/ug/nodes/managed-node-groups.adoc), with the
 * values EKS sets: the autoscaler discovers the groups by the two keys (the chart's default
 * `autoDiscovery.tags`) and its role may scale only groups carrying both.
 */
export function clusterAutoscalerAsgTags(clusterName: string): Readonly<Record<string, string>> {
  return { 'k8s.io/cluster-autoscaler/enabled': 'true', [`k8s.io/cluster-autoscaler/${clusterName}`]: 'owned' };
}
