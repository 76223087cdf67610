/** Namespace Argo CD runs in on each environment's management cluster. */
export const ARGOCD_NAMESPACE = 'argocd';

/** The API server address Argo CD uses for the cluster it runs in. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/**
 * Argo CD's Kubernetes service accounts that call the API servers of managed clusters, by the
 * argo-cd chart's names (values.yaml `controller.serviceAccount.name`, `server.serviceAccount.name`,
 * argoproj/argo-helm charts/argo-cd, 7.7.11 and 7.8.2): the application controller syncs, the server
 * serves the UI and API (live manifests, logs, resource actions). Every cloud identity Argo CD uses
 * trusts exactly these two.
 */
export const ARGOCD_API_SERVICE_ACCOUNTS = ['argocd-application-controller', 'argocd-server'] as const;
