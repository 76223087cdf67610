import { backupKeyAliasName } from '../../core/backup-contract';
import { containerLogGroupName, reportKeyAliasName, workloadIdentityName } from '../../core/observability-contract';
import { kmsAliasArn } from '../../core/s3-upload-encryption';
import type { CloudClusterProfile } from '../../kubernetes/cloud-cluster-profile';
import type { ClusterSpec, EksClusterSpec } from '../../kubernetes/cluster-spec';
import { CONTAINER_LOG_TAG } from '../../platform/addons/fluent-bit-config';
import { argocdRoleArn, eksAccountId, iamRoleArn } from './eks-identity-names';

/** The key the EKS pod identity webhook reads on a ServiceAccount (IRSA). */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

/** Whether `cluster` is an EKS cluster. */
export function isEksCluster(cluster: ClusterSpec): cluster is EksClusterSpec {
  return cluster.cloud === 'aws';
}

/**
 * What the Kubernetes side asks of AWS: IRSA roles in the environment's account (derived from the
 * account and the cluster's name, eks-identity-names.ts), CloudWatch Logs, S3 with SSE-KMS.
 */
export const awsClusterProfile: CloudClusterProfile<EksClusterSpec> = {
  cloud: 'aws',
  isOnCloud: isEksCluster,
  workloadIdentity: (cluster, workload, clouds) => ({ key: IRSA_ROLE_ANNOTATION, value: iamRoleArn(eksAccountId(clouds, cluster.name), workloadIdentityName(cluster, workload)) }),
  servesGoogleCredentials: false,
  identityPodLabels: {},
  // IRSA: the EKS pod identity webhook injects AWS_ROLE_ARN and a projected web identity token,
  // which the provider and the backend find through the default credential chain.
  driftCheckEnv: () => [],
  identityEgress: [],
  argoCdAuth: (cluster, context) => {
    if (context.awsAccountId === undefined) throw new Error(`cluster ${cluster.name}: an EKS cluster needs the environment's AWS account (awsAccountId: clouds.aws.accountId)`);
    return { awsAuthConfig: { clusterName: cluster.name, roleARN: argocdRoleArn(context.awsAccountId, cluster.name) } };
  },
  // Both service accounts start from the management cluster's `argocdRoleArn` (the IRSA role
  // terraform/aws/argocd-access.ts creates) to assume each workload cluster's role.
  argoCdServiceAccountAnnotations: (management, clouds) => ({ [IRSA_ROLE_ANNOTATION]: argocdRoleArn(eksAccountId(clouds, management.name), management.name) }),
  // `argocd-k8s-auth aws` needs no file: IRSA's webhook mounts the token.
  argoCdMounts: () => ({}),
  /**
   * CloudWatch Logs through IRSA; one stream per container log file, named after the tail tag. The
   * cluster's Terraform stack creates the log group with its key and retention, so Fluent Bit
   * neither creates it nor sets a retention (its role may only create streams and put events).
   */
  logDestination: (environment, cluster) => ({
    kind: 'OUTPUT',
    properties: [
      ['Name', 'cloudwatch_logs'],
      ['Match', CONTAINER_LOG_TAG],
      ['region', cluster.region],
      ['log_group_name', containerLogGroupName(environment, cluster)],
      ['log_stream_prefix', 'container-'],
      ['auto_create_group', 'false'],
    ],
  }),
  reportStore: (environment) => {
    const aws = environment.clouds.aws;
    if (aws === undefined) return undefined;
    return {
      cloud: 'aws',
      bucket: `${environment.name}-compliance-reports-${aws.accountId}`,
      region: aws.region,
      kmsKeyId: kmsAliasArn(aws.region, aws.accountId, reportKeyAliasName(environment.name)),
    };
  },
  backupStore: (environment) => {
    const aws = environment.clouds.aws;
    if (aws === undefined) return undefined;
    return {
      cloud: 'aws',
      bucket: `${environment.name}-velero-backups-${aws.accountId}`,
      region: aws.region,
      kmsKeyId: kmsAliasArn(aws.region, aws.accountId, backupKeyAliasName(environment.name)),
    };
  },
  storeUrl: (store) => `s3://${store.bucket}`,
  // The bucket's region: S3 answers a request for another region with a redirect the CLI must follow.
  uploadEnv: (store) => ({ AWS_REGION: store.region }),
  storeProblem: (store) =>
    store.kmsKeyId === undefined
      ? `the S3 report store ${store.bucket} names no kmsKeyId; its bucket policy refuses uploads without SSE-KMS and S3 would otherwise use aws/s3 (fix: build the store with complianceReportStore)`
      : undefined,
  accountRegion: (clouds) => clouds.aws?.region,
  // The EKS account is derived from clouds.aws, not copied (spec-aws-account checks the rest).
  accountIdentity: () => undefined,
  // The EKS identity is spec-eks-account-identity's.
  identityFindings: () => [],
  productionRegionFindings: () => [],
  stackOutputFindings: () => [],
  recordedOidcIssuer: () => undefined,
  recordedEgressIp: () => undefined,
  identityPoolProject: () => undefined,
};
