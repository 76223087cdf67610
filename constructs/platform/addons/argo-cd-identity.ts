import type { EnvironmentSpec } from '../../../environments/types';

/** The chart values that give Argo CD's API clients (controller and server) their cloud identity. */
export interface ArgoCdIdentityValues {
  readonly controller: ArgoCdComponentIdentity;
  readonly server: ArgoCdComponentIdentity;
}

/** What one component (controller or server) gets; empty where the cloud needs nothing. */
export interface ArgoCdComponentIdentity {
  readonly serviceAccount?: { readonly annotations: Readonly<Record<string, string>> };
}

/** The key the EKS pod identity webhook reads on a ServiceAccount (IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

/**
 * Cloud identity of Argo CD's application controller and server, from the cluster Argo CD runs on:
 * on EKS both service accounts are annotated with the management cluster's `argocdRoleArn` (the
 * IRSA role terraform/aws/argocd-access.ts creates), which `argocd-k8s-auth aws` starts from to
 * assume each workload cluster's role. Chart keys: `controller.serviceAccount.annotations`,
 * `server.serviceAccount.annotations` (argoproj/argo-helm charts/argo-cd values.yaml and
 * templates/argocd-{application-controller,server}/serviceaccount.yaml, 7.7.11 and 7.8.2).
 */
export function argoCdIdentityValues(spec: EnvironmentSpec): ArgoCdIdentityValues {
  const management = spec.clusters.find((cluster) => cluster.role === 'management');
  const component: ArgoCdComponentIdentity =
    management?.cloud === 'aws' ? { serviceAccount: { annotations: { [IRSA_ROLE_ANNOTATION]: management.argocdRoleArn } } } : {};
  return { controller: component, server: component };
}
