import type { Cloud, ClusterSpec, EnvironmentSpec } from '../environments/types';

/**
 * Names the Kubernetes side (CronJobs, Helm values, ServiceAccount annotations) and the Terraform
 * side (cloud identities, buckets) of observability must agree on. Plain data, no cdktf: the
 * Kubernetes synth imports it without loading the providers.
 */

/** Kubernetes identity of the scheduled `terraform plan -detailed-exitcode` jobs. */
export const TERRAFORM_DRIFT_WORKLOAD = { namespace: 'terraform-drift', serviceAccount: 'terraform-drift' } as const;

/** Kubernetes identity of policy-reporter, which uploads the compliance reports. */
export const POLICY_REPORTER_WORKLOAD = { namespace: 'policy-reporter', serviceAccount: 'policy-reporter' } as const;

/** The Kubernetes subject (`system:serviceaccount:<ns>:<sa>`) a cloud identity trusts. */
export function serviceAccountSubject(workload: { readonly namespace: string; readonly serviceAccount: string }): string {
  return `system:serviceaccount:${workload.namespace}:${workload.serviceAccount}`;
}

/** The Terraform root modules of an environment, in apply order, from the spec alone. */
export function terraformStackNames(spec: EnvironmentSpec): { readonly name: string; readonly cloud: Cloud }[] {
  const clouds: Cloud[] = (['aws', 'azure', 'gcp'] as const).filter((cloud) => spec.clouds[cloud] !== undefined);
  return clouds.flatMap((cloud) => {
    const clusters = spec.clusters.filter((c) => c.cloud === cloud);
    return [
      { name: `${cloud}-foundation`, cloud },
      ...clusters.flatMap((c) => [
        { name: `${cloud}-network-${c.name}`, cloud },
        { name: `${cloud}-cluster-${c.name}`, cloud },
      ]),
    ];
  });
}

/**
 * The cluster that runs the drift checks of `cloud`'s stacks: the management cluster when it is
 * on that cloud, else the first cluster of the cloud. A cluster's workload identity can read its
 * own cloud without cross-cloud federation. Undefined when the environment has no cluster there.
 */
export function driftCheckCluster(spec: EnvironmentSpec, cloud: Cloud): ClusterSpec | undefined {
  const onCloud = spec.clusters.filter((c) => c.cloud === cloud);
  return onCloud.find((c) => c.role === 'management') ?? onCloud[0];
}

/** Name of the cloud identity (IAM role, user-assigned identity, service account prefix) of a workload on a cluster. */
export function workloadIdentityName(cluster: ClusterSpec, workload: 'terraform-drift' | 'policy-reporter'): string {
  return `${cluster.name}-${workload}`;
}
