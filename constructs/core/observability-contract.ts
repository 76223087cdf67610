import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { cloudProfile } from '../kubernetes/registered-cluster-profiles';
import type { CloudAccounts } from '../terraform/cloud-accounts';
import { serviceAccountId } from '../terraform/gcp/service-account-id';
import type { Cloud } from './cloud';
import type { Tier } from './tier';

/**
 * Names the Kubernetes side (CronJobs, Helm values, ServiceAccount annotations) and the Terraform
 * side (cloud identities, buckets) of observability must agree on. Plain data, no cdktf: the
 * Kubernetes synth imports it without loading the providers.
 */

/** Kubernetes identity of the scheduled `terraform plan -detailed-exitcode` jobs. */
export const TERRAFORM_DRIFT_WORKLOAD = { namespace: 'terraform-drift', serviceAccount: 'terraform-drift' } as const;

/**
 * Kubernetes identity of policy-reporter (namespace and ServiceAccount of its Helm release). The
 * compliance-report CronJob (constructs/compliance-report) runs as this ServiceAccount, reading the
 * policy reports through the chart's RBAC, and uploads the reports with the cloud identity bound
 * to it. policy-reporter itself uploads nothing: it posts new violations to Slack and serves metrics.
 */
export const POLICY_REPORTER_WORKLOAD = { namespace: 'policy-reporter', serviceAccount: 'policy-reporter' } as const;

/** Kubernetes identity of Fluent Bit, which ships container logs to the cluster cloud's log service. */
export const FLUENT_BIT_WORKLOAD = { namespace: 'monitoring', serviceAccount: 'fluent-bit' } as const;

/** The workloads that get a cloud identity of their own on each cluster. */
export type IdentityWorkload = 'terraform-drift' | 'policy-reporter' | 'fluent-bit' | 'velero';

/** The Kubernetes subject (`system:serviceaccount:<ns>:<sa>`) a cloud identity trusts. */
export function serviceAccountSubject(workload: { readonly namespace: string; readonly serviceAccount: string }): string {
  return `system:serviceaccount:${workload.namespace}:${workload.serviceAccount}`;
}

/** What the stack names and drift-check placement read of an environment: its clusters and cloud accounts. */
export interface StackEnvironment {
  readonly clusters: readonly ClusterSpec[];
  readonly clouds: CloudAccounts;
}

/**
 * The cluster that runs the drift checks of `cloud`'s stacks: the management cluster when it is
 * on that cloud, else the first cluster of the cloud. A cluster's workload identity can read its
 * own cloud without cross-cloud federation. Undefined when the environment has no cluster there.
 */
export function driftCheckCluster(spec: Pick<StackEnvironment, 'clusters'>, cloud: Cloud): ClusterSpec | undefined {
  const onCloud = spec.clusters.filter((c) => c.cloud === cloud);
  return onCloud.find((c) => c.role === 'management') ?? onCloud[0];
}

/** Name of the cloud identity (IAM role, user-assigned identity, service account prefix) of a workload on a cluster. */
export function workloadIdentityName(cluster: ClusterSpec, workload: IdentityWorkload): string {
  return `${cluster.name}-${workload}`;
}

/** GCP service account id of a workload on a GKE cluster (6-30 characters; see service-account-id.ts). */
export function gcpWorkloadServiceAccountId(cluster: ClusterSpec, workload: IdentityWorkload): string {
  return serviceAccountId(workload, cluster.name);
}

/**
 * Days CloudWatch keeps an EKS cluster's container logs (values CloudWatch accepts): enough to
 * debug in development, a month of staging history, a quarter in production for incident reviews.
 * Container output is not the audit trail: the control plane's audit logs keep longer
 * (`logRetentionDays` in terraform/aws/encrypted-log-group.ts).
 */
export const CONTAINER_LOG_RETENTION_DAYS: Readonly<Record<Tier, number>> = { development: 7, staging: 30, production: 90 };

/** The prefix of the estate's CloudWatch log groups: the name of the tool that made them. */
export const LOG_GROUP_PREFIX = '/gitops-cdk';

/**
 * The CloudWatch log group of an EKS cluster's container logs: the cluster's Terraform stack
 * creates it (encrypted, with CONTAINER_LOG_RETENTION_DAYS); Fluent Bit only writes to it.
 * @param prefix the leading path of every log group of the estate. @default LOG_GROUP_PREFIX
 */
export function containerLogGroupName(environment: { readonly name: string }, cluster: Pick<ClusterSpec, 'name'>, prefix = LOG_GROUP_PREFIX): string {
  return `${prefix}/${environment.name}/${cluster.name}/containers`;
}

/** Where a cloud's compliance reports land: a bucket (S3, GCS) or a storage account and container (Azure Blob). */
export interface ComplianceReportStore {
  readonly cloud: Cloud;
  /** S3 / GCS bucket name, or the Azure storage account name. */
  readonly bucket: string;
  /** Azure only: the blob container inside the storage account. */
  readonly container?: string;
  /** Region or location of the store. */
  readonly region: string;
  /**
   * AWS only: the KMS key every upload names (`aws s3 cp --sse aws:kms --sse-kms-key-id`), the ARN
   * of the report key's alias (`reportKeyAliasName`), which the AWS foundation creates. Without it
   * S3 would encrypt with `aws/s3` (see s3-upload-encryption.ts).
   */
  readonly kmsKeyId?: string;
}

/** Alias of the KMS key encrypting an environment's reports on AWS, e.g. `alias/prod-compliance-reports`. */
export function reportKeyAliasName(environment: string): string {
  return `alias/${environment}-compliance-reports`;
}

/**
 * The environment's report store on `cloud` (created by the cloud's foundation stack), or
 * undefined when the environment has no account there (`CloudClusterProfile.reportStore`). Names
 * are globally unique per account.
 */
export function complianceReportStore(spec: { readonly name: string; readonly clouds: CloudAccounts }, cloud: Cloud): ComplianceReportStore | undefined {
  return cloudProfile(cloud).reportStore(spec);
}
