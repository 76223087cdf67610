import { CLUSTER_AUTOSCALER_WORKLOAD } from '../../core/cluster-autoscaler-contract';
import type { MonitoringDomain } from '../alert-definition';
import { controllerDownAlert } from './controller-down';
import { type AddonReleases, addonMetricsJobs, type MetricsJobs } from './scrape-jobs';

/**
 * The `job` of the cluster-autoscaler's metrics: its Service is named `cluster-autoscaler.fullname`
 * (kubernetes/autoscaler cluster-autoscaler/charts/cluster-autoscaler/templates/service.yaml at
 * chart 9.53.0), which our values fix to `cluster-autoscaler` on every EKS cluster.
 */
export function clusterAutoscalerMetricsJobs(releases: AddonReleases): MetricsJobs {
  return addonMetricsJobs(releases, (fullname) => fullname);
}

export interface AutoscalingMonitoringProps {
  /** The cluster-autoscaler chart's releases, one per EKS cluster; none where the environment has no EKS cluster. */
  readonly clusterAutoscaler: AddonReleases;
}

/**
 * Node autoscaling (the cluster-autoscaler on EKS clusters): an alert when it cannot be scraped.
 * The rule file goes to every cluster of the environment, so it fires only where the autoscaler's
 * Deployment exists (kube-state-metrics' `kube_deployment_created`), not on AKS or GKE clusters.
 * Undefined for an environment without EKS clusters, where the add-on is not installed.
 *
 * Warning everywhere: while it is down nothing breaks at once, the node group only stops following
 * demand (pods wait in Pending when the nodes are full; idle nodes are not removed).
 */
export function autoscalingMonitoring(props: AutoscalingMonitoringProps): MonitoringDomain | undefined {
  if (props.clusterAutoscaler.releaseNames.length === 0) return undefined;
  const { namespace, serviceAccount } = CLUSTER_AUTOSCALER_WORKLOAD;
  return {
    name: 'autoscaling',
    recordings: [],
    alerts: [
      controllerDownAlert({
        name: 'AutoscalingClusterAutoscalerDown',
        controller: 'cluster-autoscaler',
        jobs: clusterAutoscalerMetricsJobs(props.clusterAutoscaler),
        severity: 'warning',
        impact: 'While it is down the node group no longer grows for pending pods nor shrinks when nodes are idle; running pods are not affected.',
        onlyWhere: `kube_deployment_created{namespace="${namespace}",deployment="${serviceAccount}"}`,
      }),
    ],
  };
}
