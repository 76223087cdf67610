import { Testing, TerraformStack } from 'cdktf';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { APPLY_SERVICES, CiIdentities } from '../../../constructs/terraform/aws/ci-identities';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { BucketEncryption, HardenedBucket } from '../../../constructs/terraform/aws/hardened-bucket';
import type { CiIdentitySpec } from '../../../environments/types';
import { AWS_ENVIRONMENTS, block, envNamed, statements, synthJson, type Statement } from './aws-test-helpers';

const AUDIENCE = { test: 'StringEquals', variable: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] };

function subjectCondition(trust: Statement[]): { test: string; values: string[] } {
  expect(trust).toHaveLength(1);
  const condition = trust[0]!.condition?.find((c) => c.variable === 'token.actions.githubusercontent.com:sub');
  if (condition === undefined) throw new Error('no sub condition');
  return condition;
}

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('CI identities of %s', (_env, spec) => {
  const { repository, applyFrom } = spec.infrastructure.ci;
  const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec }));

  it('trusts the GitHub Actions OIDC issuer for the STS audience', () => {
    expect(block(json, 'aws_iam_openid_connect_provider', 'ci-github-oidc')).toMatchObject({
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    });
  });

  it('lets the plan role be assumed from pull requests and branches of the one repository, with the STS audience', () => {
    const trust = statements(json, 'ci-plan-trust');
    expect(trust[0]).toMatchObject({
      effect: 'Allow',
      actions: ['sts:AssumeRoleWithWebIdentity'],
      principals: [{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.ci-github-oidc.arn}'] }],
    });
    expect(trust[0]!.condition).toContainEqual(AUDIENCE);
    expect(subjectCondition(trust)).toEqual({
      test: 'StringLike',
      variable: 'token.actions.githubusercontent.com:sub',
      values: [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/*`],
    });
  });

  it('never trusts a bare wildcard subject or another repository', () => {
    for (const document of ['ci-plan-trust', 'ci-apply-trust']) {
      for (const subject of subjectCondition(statements(json, document)).values) {
        expect(subject.startsWith(`repo:${repository}:`)).toBe(true);
        expect(subject).not.toMatch(/^repo:[^:]*\*/);
        expect(subject).not.toBe('*');
      }
    }
  });

  it(`lets the apply role be assumed only by ${applyFrom.kind} ${applyFrom.name}, matched exactly`, () => {
    const expected = applyFrom.kind === 'branch' ? `repo:${repository}:ref:refs/heads/${applyFrom.name}` : `repo:${repository}:environment:${applyFrom.name}`;
    const trust = statements(json, 'ci-apply-trust');
    expect(trust[0]!.condition).toContainEqual(AUDIENCE);
    expect(subjectCondition(trust)).toEqual({ test: 'StringEquals', variable: 'token.actions.githubusercontent.com:sub', values: [expected] });
  });

  it('limits both roles to one-hour sessions', () => {
    expect(block(json, 'aws_iam_role', 'ci-plan-role').max_session_duration).toBe(3600);
    expect(block(json, 'aws_iam_role', 'ci-apply-role').max_session_duration).toBe(3600);
  });

  it('gives the plan role read-only access, state reads, lock file writes and use of the state key', () => {
    expect(block(json, 'aws_iam_role_policy_attachment', 'ci-plan-read-only')).toMatchObject({
      role: '${aws_iam_role.ci-plan-role.name}',
      policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
    });
    const rights = statements(json, 'ci-plan-state-document');
    expect(rights.find((s) => s.sid === 'ReadState')).toMatchObject({ actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.bucket.arn}/*'] });
    // Writes only to lock files: a plan never writes a state.
    const writes = rights.filter((s) => s.actions?.some((a) => a === 's3:PutObject' || a === 's3:DeleteObject'));
    expect(writes).toEqual([expect.objectContaining({ resources: ['${aws_s3_bucket.bucket.arn}/*.tflock'] })]);
    expect(rights.find((s) => s.sid === 'UseStateKey')).toMatchObject({ resources: ['${aws_kms_key.key.arn}'] });
  });

  it('gives the apply role the services the stacks manage, not AdministratorAccess, and keeps the state store', () => {
    const rights = statements(json, 'ci-apply-document');
    expect(rights.find((s) => s.sid === 'ManageEstateServices')?.actions).toEqual(APPLY_SERVICES.map((service) => `${service}:*`));
    expect(rights.flatMap((s) => s.actions ?? [])).not.toContain('*');
    expect(JSON.stringify(json)).not.toContain('AdministratorAccess');
    expect(rights.filter((s) => s.effect === 'Deny')).toEqual([
      expect.objectContaining({ actions: ['s3:DeleteBucket'], resources: ['${aws_s3_bucket.bucket.arn}'] }),
      expect.objectContaining({ actions: ['kms:ScheduleKeyDeletion', 'kms:DisableKey', 'kms:DeleteAlias'], resources: ['${aws_kms_key.key.arn}'] }),
    ]);
  });
});

describe('CI identities per environment', () => {
  it('lets prod apply only from the production GitHub environment', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: envNamed('prod') }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual(['repo:acme/platform-gitops:environment:production']);
  });

  it('lets staging apply only from pushes to main', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), AwsFoundationStack.LAYER, { spec: envNamed('staging') }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual(['repo:acme/platform-gitops:ref:refs/heads/main']);
  });
});

describe('CiIdentities', () => {
  function build(ci: CiIdentitySpec): () => CiIdentities {
    return () => {
      const stack = new TerraformStack(Testing.app(), 'probe');
      const key = new KmsKey(stack, 'key', {});
      const stateBucket = new HardenedBucket(stack, 'state', { bucketName: 'probe-state', encryption: BucketEncryption.kms(key), retention: { noncurrentVersionDays: 30 } });
      return new CiIdentities(stack, 'ci', { environment: 'probe', ci, stateBucket, stateKey: key });
    };
  }

  it('rejects a repository that is not one owner/name', () => {
    expect(build({ repository: 'acme/*', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
    expect(build({ repository: '*', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
  });

  it('rejects a wildcard in the apply branch or environment', () => {
    expect(build({ repository: 'acme/repo', applyFrom: { kind: 'branch', name: 'release/*' } })).toThrow(/without wildcards/);
    expect(build({ repository: 'acme/repo', applyFrom: { kind: 'environment', name: 'prod?' } })).toThrow(/without wildcards/);
  });
});
