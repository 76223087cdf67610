export interface ChartVersions {
  readonly argoCd: string;
  readonly kyverno: string;
  readonly policyReporter: string;
  readonly kubePrometheusStack: string;
  readonly argoRollouts: string;
  readonly sealedSecrets: string;
  /** Receives the results of batch jobs (the Terraform drift checks) for Prometheus to scrape. */
  readonly pushgateway: string;
  readonly fluentBit: string;
  readonly tempo: string;
  /** kubernetes/autoscaler's cluster-autoscaler chart, installed on EKS clusters only. */
  readonly clusterAutoscaler: string;
  /** vmware-tanzu's velero chart: backups of every cluster to its environment's store. */
  readonly velero: string;
  /** opencost/opencost-helm-chart's opencost chart: the cost of each namespace, for the tenants' cost allocation. */
  readonly opencost: string;
}
