import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { TerraformStack, Testing } from 'cdktf';
import { APPLY_SERVICES, CiIdentities } from '../../../constructs/terraform/aws/ci-identities';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { BucketEncryption, HardenedBucket } from '../../../constructs/terraform/aws/hardened-bucket';
import { BOUNDARY_SERVICES, WorkloadBoundary } from '../../../constructs/terraform/aws/permissions-boundary';
import { stateBucketName } from '../../../constructs/terraform/aws/s3-state-backend';
import { renderStack } from '../../../constructs/terraform/render-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { CiIdentitySpec, EnvironmentSpec } from '../../../environments/types';
import { FIXTURE_REPOSITORY } from '../../support/fixture-environment';
import { hclAndJson } from '../hcl-json';
import { TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { at, block, blocksOf, synthJson } from '../terraform-json';
import { AWS_ENVIRONMENTS, buildAws, only, type Statement, statements } from './aws-test-helpers';
import { iamServiceOf } from './resource-services';

const AUDIENCE = { test: 'StringEquals', variable: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] };

function subjectCondition(trust: Statement[]): { test: string; values: string[] } {
  expect(trust).toHaveLength(1);
  const condition = trust[0]!.condition?.find((c) => c.variable === 'token.actions.githubusercontent.com:sub');
  if (condition === undefined) throw new Error('no sub condition');
  return condition;
}

describe.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('CI identities of %s', (env, spec) => {
  const { repository, applyFrom } = spec.infrastructure.ci;
  const account = spec.clouds.aws!;
  const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));

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

  it("gives the apply role the services the stacks manage on the environment's resources only, never a service on *", () => {
    const rights = statements(json, 'ci-apply-document');
    const allows = rights.filter((s) => s.effect === 'Allow');
    expect(allows.flatMap((s) => s.actions ?? [])).not.toContain('*');
    // A whole service is granted only on resources of the environment (tf-prod-no-wildcard-iam-action).
    for (const statement of allows.filter((s) => s.actions?.some((a) => a.endsWith(':*')))) {
      expect([statement.sid, statement.resources]).toEqual([statement.sid, expect.not.arrayContaining(['*'])]);
    }
    expect(
      allows
        .flatMap((s) => s.actions ?? [])
        .filter((a) => a.endsWith(':*'))
        .sort(),
    ).toEqual(APPLY_SERVICES.map((service) => `${service}:*`).sort());
    expect(JSON.stringify(json)).not.toContain('AdministratorAccess');
    expect(block(json, 'aws_iam_role_policy_attachment', 'ci-apply-read-only').policy_arn).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    const iam = allows.find((s) => s.sid === 'ManageIam')!;
    const clusterPrefixes = spec.clusters.filter((c) => c.cloud === 'aws').map((c) => `arn:aws:iam::${account.accountId}:role/${c.name}-*`);
    expect(iam.resources).toEqual(
      expect.arrayContaining([`arn:aws:iam::${account.accountId}:role/${env}-*`, `arn:aws:iam::${account.accountId}:policy/${env}-*`, ...clusterPrefixes]),
    );
    expect(allows.find((s) => s.sid === 'ManageS3')!.resources).toContain(`arn:aws:s3:::${stateBucketName(spec.infrastructure.organisationPrefix, env, account)}*`);
  });

  it('lets the apply role manage every IAM role and policy that a stack of the environment creates', () => {
    // An IAM name outside the apply role's patterns fails at apply with AccessDenied (issue 11:
    // Argo CD's roles are named from the spec's argocdRoleArn, not after the environment).
    const iam = statements(json, 'ci-apply-document').find((s) => s.sid === 'ManageIam')!;
    const allowed = (kind: string, name: string) =>
      (iam.resources ?? []).some((pattern) => {
        const arn = `arn:aws:iam::${account.accountId}:${kind}/${name}`;
        return pattern.endsWith('*') ? arn.startsWith(pattern.slice(0, -1)) : arn === pattern;
      });
    const created = buildAws(spec).flatMap((entry) => {
      const stackJson = synthJson(entry.stack);
      return [
        ...Object.values(blocksOf(stackJson, 'aws_iam_role')).map((role) => ['role', `${String(role.path ?? '/').slice(1)}${String(role.name)}`]),
        ...Object.values(blocksOf(stackJson, 'aws_iam_policy')).map((policy) => ['policy', `${String(policy.path ?? '/').slice(1)}${String(policy.name)}`]),
      ];
    });
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter(([kind, name]) => !allowed(kind!, name!))).toEqual([]);
  });

  it('lets the apply role write, and the drift check read within the boundary, every kind of resource the stacks create', () => {
    // A resource of a service the apply role lacks fails at apply with AccessDenied; one outside
    // the boundary fails every drift check's refresh (the euc1 network path's Route 53 Resolver).
    const types = new Set(buildAws(spec).flatMap((entry) => Object.keys((synthJson(entry.stack).resource ?? {}) as Record<string, unknown>)));
    const services = [...types].map((type) => [type, iamServiceOf(type) ?? 'unknown: add it to test/terraform/aws/resource-services.ts']);
    const applied = new Set<string>(APPLY_SERVICES);
    const readable = new Set<string>([...BOUNDARY_SERVICES, 'iam']);
    expect(services.filter(([, service]) => !applied.has(service!))).toEqual([]);
    expect(services.filter(([, service]) => !readable.has(service!))).toEqual([]);
  });

  it('lets the apply role create or change only roles that carry the boundary, and never remove it', () => {
    const rights = statements(json, 'ci-apply-document');
    expect(rights.find((s) => s.sid === 'OnlyBoundedRoles')).toEqual({
      sid: 'OnlyBoundedRoles',
      effect: 'Deny',
      actions: ['iam:CreateRole', 'iam:PutRolePermissionsBoundary', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy'],
      resources: ['*'],
      condition: [{ test: 'StringNotEquals', variable: 'iam:PermissionsBoundary', values: ['${aws_iam_policy.boundary-policy.arn}'] }],
    });
    expect(rights.find((s) => s.sid === 'KeepBoundaries')).toMatchObject({ effect: 'Deny', actions: ['iam:DeleteRolePermissionsBoundary'], resources: ['*'] });
    expect(rights.find((s) => s.sid === 'KeepBoundaryPolicy')).toMatchObject({ effect: 'Deny', resources: ['${aws_iam_policy.boundary-policy.arn}'] });
    expect(block(json, 'aws_iam_policy', 'boundary-policy').name).toBe(`${env}-workload-boundary`);
  });

  it("denies the apply role changing the CI roles, their OIDC trust, the state store's policy or the state key's", () => {
    const rights = statements(json, 'ci-apply-document');
    const ciRoles = rights.find((s) => s.sid === 'KeepCiRoles')!;
    expect(ciRoles.effect).toBe('Deny');
    expect(ciRoles.resources).toEqual(['${aws_iam_role.ci-plan-role.arn}', '${aws_iam_role.ci-apply-role.arn}']);
    expect(ciRoles.actions).toEqual(expect.arrayContaining(['iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:UpdateAssumeRolePolicy', 'iam:DeleteRolePermissionsBoundary']));
    expect(rights.find((s) => s.sid === 'KeepCiTrust')).toMatchObject({
      effect: 'Deny',
      resources: [`arn:aws:iam::${account.accountId}:oidc-provider/token.actions.githubusercontent.com`],
    });
    expect(rights.find((s) => s.sid === 'KeepStateKey')).toMatchObject({
      effect: 'Deny',
      actions: expect.arrayContaining(['kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion']),
      resources: ['${aws_kms_key.key.arn}'],
    });
    expect(rights.find((s) => s.sid === 'KeepStateStore')).toMatchObject({
      effect: 'Deny',
      actions: expect.arrayContaining(['s3:DeleteBucket', 's3:PutBucketPolicy']),
      resources: ['${aws_s3_bucket.bucket.arn}'],
    });
  });

  it('puts the boundary on every role of every AWS stack of the environment but the CI roles', () => {
    const boundaryArn = `arn:aws:iam::${account.accountId}:policy/${env}-workload-boundary`;
    for (const entry of buildAws(spec)) {
      const stackJson = synthJson(entry.stack);
      for (const [name, role] of Object.entries(blocksOf(stackJson, 'aws_iam_role'))) {
        // The foundation's own roles reference the policy it creates, so Terraform creates it first.
        const expected = name.startsWith('ci-') ? undefined : entry.name === foundationStackName('aws') ? '${aws_iam_policy.boundary-policy.arn}' : boundaryArn;
        expect([entry.name, name, role.permissions_boundary]).toEqual([entry.name, name, expected]);
      }
    }
  });
});

describe('CI identities per environment', () => {
  it('lets prod apply only from the production GitHub environment', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: TF_PRODUCTION }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual([`repo:${FIXTURE_REPOSITORY}:environment:production`]);
  });

  it('lets staging apply only from pushes to main', () => {
    const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: TF_STAGING }));
    expect(subjectCondition(statements(json, 'ci-apply-trust')).values).toEqual([`repo:${FIXTURE_REPOSITORY}:ref:refs/heads/main`]);
  });
});

describe('CiIdentities', () => {
  function build(ci: CiIdentitySpec): () => CiIdentities {
    return () => {
      const stack = new TerraformStack(Testing.app(), 'probe');
      const key = new KmsKey(stack, 'key', {});
      const stateBucket = new HardenedBucket(stack, 'state', { bucketName: 'probe-state', encryption: BucketEncryption.kms(key), retention: { noncurrentVersionDays: 30 } });
      const boundary = new WorkloadBoundary(stack, 'boundary', { environment: 'probe' });
      return new CiIdentities(stack, 'ci', {
        environment: 'probe',
        ci,
        account: { accountId: '111122223333', region: 'eu-west-1' },
        regions: ['eu-west-1'],
        namePrefixes: ['probe-'],
        bucketPrefixes: ['probe-state'],
        boundary: boundary.policy,
        stateBucket,
        stateKey: key,
      });
    };
  }

  it('rejects a repository that is not one owner/name', () => {
    expect(build({ repository: 'fixtureco/*', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
    expect(build({ repository: '*', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })).toThrow(/not a GitHub owner\/name/);
  });

  it("creates the account's GitHub OIDC provider by default", () => {
    const ci = build({ repository: 'fixtureco/repo', repositoryId: '42', applyFrom: { kind: 'branch', name: 'main' } })();
    const json = JSON.parse(Testing.synth(TerraformStack.of(ci))) as Record<string, unknown>;
    expect(only(json, 'aws_iam_openid_connect_provider')).toMatchObject({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'] });
    expect(blocksOf(json, 'aws_iam_openid_connect_provider', 'data')).toEqual({});
  });

  describe('with awsOidcProvider: existing (the account has the provider already)', () => {
    const spec = fixtureWithExistingProvider();
    const stack = new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec });
    const json = synthJson(stack);

    it("reads the provider by GitHub's issuer URL instead of creating a second one (EntityAlreadyExists)", () => {
      expect(blocksOf(json, 'aws_iam_openid_connect_provider')).toEqual({});
      expect(block(json, 'aws_iam_openid_connect_provider', 'ci-github-oidc', 'data')).toMatchObject({ url: 'https://token.actions.githubusercontent.com' });
    });

    it('trusts and publishes the provider it read', () => {
      for (const role of ['ci-plan-trust', 'ci-apply-trust']) {
        expect(statements(json, role)[0].principals).toEqual([{ type: 'Federated', identifiers: ['${data.aws_iam_openid_connect_provider.ci-github-oidc.arn}'] }]);
      }
      expect(at(json, 'output', 'ci_oidc_provider_arn')).toMatchObject({ value: '${data.aws_iam_openid_connect_provider.ci-github-oidc.arn}' });
    });

    it('renders HCL that says what the JSON says', async () => {
      const rendered = await renderStack(stack, spec.name);
      const { hcl, json: fromJson } = await hclAndJson(rendered.hcl, rendered.json);
      expect(hcl).toEqual(fromJson);
      expect(rendered.hcl).toContain('data "aws_iam_openid_connect_provider" "ci-github-oidc" {');
    });
  });

  it('rejects a wildcard in the apply branch or environment', () => {
    expect(build({ repository: 'fixtureco/repo', repositoryId: '42', applyFrom: { kind: 'branch', name: 'release/*' } })).toThrow(/without wildcards/);
    expect(build({ repository: 'fixtureco/repo', repositoryId: '42', applyFrom: { kind: 'environment', name: 'prod?' } })).toThrow(/without wildcards/);
  });
});

/** A fixture environment whose AWS account has the GitHub OIDC provider already. */
function fixtureWithExistingProvider(): EnvironmentSpec {
  const base = TF_STAGING;
  return { ...base, name: 'adopt', infrastructure: { ...base.infrastructure, ci: { ...base.infrastructure.ci, awsOidcProvider: 'existing' } } };
}
