import { Testing } from 'cdktf';
import { VeleroIdentity } from '../../../constructs/terraform/aws/velero-identity';
import { ReadableNamesStack } from '../../../constructs/terraform/readable-names-stack';
import { clusterStackName } from '../../../constructs/terraform/stack-names';
import { eksCluster } from '../../support/fixture-clusters';
import { blocksOf, stackNamed, synthJson } from '../terraform-json';
import { buildAws, EKS_CASES, statements } from './aws-test-helpers';

describe.each(EKS_CASES)("Velero's IRSA role on %s", (_name, spec, cluster) => {
  const json = synthJson(stackNamed(buildAws(spec), clusterStackName('aws', cluster.name)));

  it('is named <cluster>-velero, as the ServiceAccount annotation names it', () => {
    expect(blocksOf(json, 'aws_iam_role')['velero-role']).toMatchObject({ name: `${cluster.name}-velero` });
  });

  it('is trusted by velero/velero of this cluster only, through its OIDC provider', () => {
    const [trust, ...others] = statements(json, 'velero-trust');
    expect(others).toEqual([]);
    expect(trust!.actions).toEqual(['sts:AssumeRoleWithWebIdentity']);
    expect(trust!.principals).toEqual([{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.irsa-oidc.arn}'] }]);
    const subjects = trust!.condition!.filter((c) => c.variable.endsWith(':sub'));
    expect(subjects).toEqual([expect.objectContaining({ test: 'StringEquals', values: ['system:serviceaccount:velero:velero'] })]);
  });

  it("may use only its cluster's prefix of the backup bucket, and the backup key only through S3 in the bucket's region", () => {
    const bucket = '${data.terraform_remote_state.foundation.outputs.backup_bucket_arn}';
    expect(statements(json, 'velero-policy-document')).toEqual([
      {
        sid: 'ListOwnBackups',
        effect: 'Allow',
        actions: ['s3:ListBucket'],
        resources: [bucket],
        condition: [{ test: 'StringLike', variable: 's3:prefix', values: [`${cluster.name}/*`] }],
      },
      {
        sid: 'ReadWriteOwnBackups',
        effect: 'Allow',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [`${bucket}/${cluster.name}/*`],
      },
      {
        sid: 'UseBackupKeyThroughS3',
        effect: 'Allow',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['${data.terraform_remote_state.foundation.outputs.backup_key_arn}'],
        condition: [{ test: 'StringEquals', variable: 'kms:ViaService', values: [`s3.${spec.clouds.aws!.region}.amazonaws.com`] }],
      },
    ]);
  });

  it('is published as the velero_role_arn output', () => {
    expect((json.output as Record<string, { value: string }>).velero_role_arn!.value).toBe('${aws_iam_role.velero-role.arn}');
  });
});

class ProbeStack extends ReadableNamesStack {}

describe('VeleroIdentity', () => {
  it('refuses a cluster whose role name would exceed 64 characters', () => {
    const cluster = eksCluster(`c${'x'.repeat(57)}`);
    const probe = new ProbeStack(Testing.app(), 'probe', 'test: velero');
    expect(
      () => new VeleroIdentity(probe, 'velero', { cluster, oidcProviderArn: 'arn', issuer: 'https://issuer', bucketArn: 'arn:b', keyArn: 'arn:k', bucketRegion: 'eu-west-1' }),
    ).toThrow(/Velero role name cx+-velero is longer than IAM's 64 characters/);
  });
});
