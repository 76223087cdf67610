/** Helm repositories that publish more than one of the platform's charts. */
export const ARGO_HELM = 'https://argoproj.github.io/argo-helm';
export const PROMETHEUS_COMMUNITY_HELM = 'https://prometheus-community.github.io/helm-charts';
