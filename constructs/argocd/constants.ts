/** Namespace Argo CD runs in on each environment's management cluster. */
export const ARGOCD_NAMESPACE = 'argocd';

/** The API server address Argo CD uses for the cluster it runs in. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/** Label keys on Argo CD cluster secrets that ApplicationSet cluster generators select on. */
export const CLUSTER_LABELS = {
  env: 'gitops-cdk.io/env',
  cloud: 'gitops-cdk.io/cloud',
  region: 'gitops-cdk.io/region',
  role: 'gitops-cdk.io/cluster-role',
} as const;
