import type { IdentityWorkload } from '../../core/observability-contract';
import type { EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import { clusterProfile } from '../../kubernetes/registered-cluster-profiles';
import { workloadIdentityAnnotation } from '../../kubernetes/workload-identity';
import { perClusterValue } from './per-cluster-value';

/** What a chart needs to hand its pods a cloud identity; keys only for the clouds the environment uses. */
export interface WorkloadIdentityValues {
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
}

/**
 * ServiceAccount annotations and pod labels binding `workload` to its cloud identity on every
 * cluster of the environment (workloadIdentityAnnotation), each value switched per cluster: an EKS
 * cluster gets its role ARN and an empty client id, an AKS cluster the reverse. Annotations of
 * another cloud are inert: no webhook reads them there.
 */
export function workloadIdentityValues(environment: EnvironmentClustersAndAccounts, workload: IdentityWorkload): WorkloadIdentityValues {
  const annotations: Record<string, string> = {};
  const podLabels: Record<string, string> = {};
  const field = `${workload}/serviceAccount.annotations`;
  const keys = [...new Set(environment.clusters.flatMap((c) => workloadIdentityAnnotation(c, workload, environment.clouds)?.key ?? []))];
  for (const key of keys) {
    annotations[key] = perClusterValue(environment, field, (c) => {
      const annotation = workloadIdentityAnnotation(c, workload, environment.clouds);
      return annotation?.key === key ? annotation.value : '';
    });
  }
  // The labels of the clouds where the workload has an identity, `true` on their clusters and
  // `false` on the others (AKS: azure.workload.identity/use).
  const identified = environment.clusters.filter((c) => workloadIdentityAnnotation(c, workload, environment.clouds) !== undefined);
  const labelKeys = [...new Set(identified.flatMap((c) => Object.keys(clusterProfile(c).identityPodLabels)))];
  for (const key of labelKeys) {
    podLabels[key] = perClusterValue(environment, `${workload}/podLabels`, (c) => clusterProfile(c).identityPodLabels[key] ?? 'false');
  }
  return { serviceAccountAnnotations: annotations, podLabels };
}
