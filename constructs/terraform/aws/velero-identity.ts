import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { backupPrefix, VELERO_WORKLOAD } from '../../core/backup-contract';
import { workloadIdentityName } from '../../core/observability-contract';
import type { EksClusterSpec } from '../../kubernetes/cluster-spec';
import { irsaTrustStatement } from './irsa-trust';

/** IAM role names are at most 64 characters (IAM CreateRole, RoleName). */
const ROLE_NAME_LENGTH = 64;

export interface VeleroIdentityProps {
  readonly cluster: EksClusterSpec;
  /** The cluster's IAM OIDC provider and its issuer URL (IRSA). */
  readonly oidcProviderArn: string;
  readonly issuer: string;
  /** The environment's backup bucket and its key (foundation outputs). */
  readonly bucketArn: string;
  readonly keyArn: string;
  /** Region of the bucket (the environment's AWS region): KMS is usable through S3 there only. */
  readonly bucketRegion: string;
}

/**
 * The IRSA role of the Velero server (`velero/velero`), named `<cluster>-velero`
 * (`workloadIdentityName`, which the ServiceAccount annotation names), trusted by that service
 * account of this cluster alone, with the object-storage part of the AWS plugin's policy
 * (velero-plugin-for-aws v1.13.2 README.md, "Set permissions for Velero"), narrowed to the
 * cluster's prefix of the environment's backup bucket (`backupPrefix`):
 * - list the bucket below `<cluster>/` only: every listing Velero makes is below the prefix
 *   (velero v1.18.1 pkg/persistence/object_store_layout.go, object_store.go `ListCommonPrefixes`
 *   and `ListObjects` on `rootPrefix` and its sub-folders). The plugin's region lookup (HeadBucket,
 *   object_store.go `Init` when no `region` is configured) has no prefix and is refused: the
 *   backup storage location must set `region` (`BackupStore.region`);
 * - get, put, delete objects below `<cluster>/`, and abort and list the parts of its multipart
 *   uploads (the plugin uploads through the S3 upload manager). No `s3:PutObjectTagging`: the
 *   plugin tags only with the `tagging` config, which is not set;
 * - the bucket's key through S3 in the bucket's region only: a data key for each SSE-KMS upload
 *   (the plugin names the key, `kmsKeyId`) and decrypt to finish a multipart upload and to read
 *   a backup back.
 * No EC2 snapshot rights: backups are objects only (no volume snapshot location); volumes with
 * data get them when a snapshot location is added.
 */
export class VeleroIdentity extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: VeleroIdentityProps) {
    super(scope, id);
    const { cluster } = props;
    const name = workloadIdentityName(cluster, 'velero');
    if (name.length > ROLE_NAME_LENGTH) {
      throw new Error(`${cluster.name}: the Velero role name ${name} is longer than IAM's ${ROLE_NAME_LENGTH} characters (shorten the cluster name in the environment's clusters)`);
    }
    const trust = new DataAwsIamPolicyDocument(this, 'trust', { statement: [irsaTrustStatement(props.oidcProviderArn, props.issuer, [VELERO_WORKLOAD])] });
    const { namespace, serviceAccount } = VELERO_WORKLOAD;
    this.role = new IamRole(this, 'role', {
      name,
      description: `Service account ${namespace}/${serviceAccount} of ${cluster.name} (IRSA): writes and reads its backups`,
      assumeRolePolicy: trust.json,
    });
    const policy = new DataAwsIamPolicyDocument(this, 'policy-document', { statement: veleroStatements(props) });
    new IamRolePolicy(this, 'policy', { name: 'backup-objects', role: this.role.id, policy: policy.json });
  }
}

/** The statements of Velero's policy (see VeleroIdentity). */
export function veleroStatements(props: Pick<VeleroIdentityProps, 'cluster' | 'bucketArn' | 'keyArn' | 'bucketRegion'>): DataAwsIamPolicyDocumentStatement[] {
  const prefix = `${backupPrefix(props.cluster)}/`;
  return [
    {
      sid: 'ListOwnBackups',
      effect: 'Allow',
      actions: ['s3:ListBucket'],
      resources: [props.bucketArn],
      condition: [{ test: 'StringLike', variable: 's3:prefix', values: [`${prefix}*`] }],
    },
    {
      sid: 'ReadWriteOwnBackups',
      effect: 'Allow',
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      resources: [`${props.bucketArn}/${prefix}*`],
    },
    {
      sid: 'UseBackupKeyThroughS3',
      effect: 'Allow',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [props.keyArn],
      condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${props.bucketRegion}.amazonaws.com`] }],
    },
  ];
}
