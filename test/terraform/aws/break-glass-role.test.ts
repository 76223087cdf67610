import { Testing } from 'cdktf';
import { AwsFoundationStack } from '../../../constructs/terraform/aws/foundation-stack';
import { foundationStackName } from '../../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../../environments/types';
import { TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { block, blocksOf, synthJson } from '../terraform-json';
import { statements } from './aws-test-helpers';

describe('the break-glass role (issue 11, item 21)', () => {
  const prod = TF_PRODUCTION;
  const account = prod.clouds.aws!;
  const principals = [`arn:aws:iam::${account.accountId}:user/alice`];
  const spec: EnvironmentSpec = { ...prod, name: 'glass', infrastructure: { ...prod.infrastructure, breakGlass: { awsPrincipals: principals } } };
  const json = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec }));

  it('may be assumed only by the named principals, only with MFA, for an hour', () => {
    expect(statements(json, 'break-glass-trust')).toEqual([
      {
        effect: 'Allow',
        actions: ['sts:AssumeRole'],
        principals: [{ type: 'AWS', identifiers: principals }],
        condition: [{ test: 'Bool', variable: 'aws:MultiFactorAuthPresent', values: ['true'] }],
      },
    ]);
    expect(block(json, 'aws_iam_role', 'break-glass-role')).toMatchObject({
      name: 'glass-eks-break-glass',
      max_session_duration: 3600,
      permissions_boundary: '${aws_iam_policy.boundary-policy.arn}',
    });
  });

  it("may only describe the environment's EKS clusters in AWS (cluster-admin comes from the clusters' access entries)", () => {
    const clusters = prod.clusters.filter((c) => c.cloud === 'aws');
    expect(statements(json, 'break-glass-permissions')).toEqual([
      {
        sid: 'Kubeconfig',
        effect: 'Allow',
        actions: ['eks:DescribeCluster'],
        resources: expect.arrayContaining(clusters.map((c) => `arn:aws:eks:${c.region}:${account.accountId}:cluster/${c.name}`)),
      },
    ]);
  });

  it('is absent where no break-glass is declared (staging)', () => {
    const staging = synthJson(new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: TF_STAGING }));
    expect(Object.keys(blocksOf(staging, 'aws_iam_role'))).not.toContain('break-glass-role');
  });

  it('rejects a production environment with EKS clusters and no break-glass principals', () => {
    const { breakGlass: _none, ...infrastructure } = prod.infrastructure;
    expect(() => new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: { ...prod, name: 'bare', infrastructure } })).toThrow(
      /bare: aws-foundation: infrastructure.breakGlass is not set; .*fix: set infrastructure.breakGlass.awsPrincipals in environments\/bare.ts/,
    );
  });

  it('rejects a wildcard principal, a principal of another account and an empty list, all in one message', () => {
    const withPrincipals = (awsPrincipals: string[]) => () =>
      new AwsFoundationStack(Testing.app(), foundationStackName('aws'), { spec: { ...spec, infrastructure: { ...spec.infrastructure, breakGlass: { awsPrincipals } } } });
    expect(withPrincipals([`arn:aws:iam::${account.accountId}:user/*`, 'arn:aws:iam::999999999999:user/mallory'])).toThrow(
      /breakGlass.awsPrincipals "arn:aws:iam::\d+:user\/\*" is not the exact ARN .*; "arn:aws:iam::999999999999:user\/mallory" is in account 999999999999/,
    );
    expect(withPrincipals([])).toThrow(/lists no principal/);
  });
});
