import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AwsStack } from '../../../constructs/terraform/aws/aws-stack';
import { awsEstate } from '../../../constructs/terraform/aws/estate';
import { FOUNDATION_OUTPUTS } from '../../../constructs/terraform/aws/foundation-stack';
import { NETWORK_OUTPUTS } from '../../../constructs/terraform/aws/network-stack';
import { addCloudStacks } from '../../../constructs/terraform/cloud-estate';
import { HIDDEN_ID } from '../../../constructs/terraform/readable-names-stack';
import { clusterStackName, foundationStackName, networkStackName } from '../../../constructs/terraform/stack-names';
import { TF_DEVELOPMENT, TF_PRODUCTION, TF_STAGING } from '../terraform-fixtures';
import { allStrings, at, stackNamed, synthJson } from '../terraform-json';
import { AWS_ENVIRONMENTS, buildAws, eksClusters } from './aws-test-helpers';

describe('the AWS estate', () => {
  it.each(AWS_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))(
    'adds the foundation of %s, then the network and the cluster of each EKS cluster, each depending on the stacks whose state it reads',
    (_env, spec) => {
      const entries = buildAws(spec).map(({ name, dependsOn }) => ({ name, dependsOn }));
      expect(entries).toEqual([
        { name: 'aws-foundation', dependsOn: [] },
        // The management cluster first: the workload clusters read its Argo CD role.
        ...[...eksClusters(spec)]
          .sort((a, b) => Number(b.role === 'management') - Number(a.role === 'management'))
          .flatMap((cluster) => [
            { name: `aws-network-${cluster.name}`, dependsOn: ['aws-foundation'] },
            {
              name: `aws-cluster-${cluster.name}`,
              dependsOn: [
                'aws-foundation',
                `aws-network-${cluster.name}`,
                // A workload cluster reads Argo CD's role; a private-only one also the management network (its path).
                ...(cluster.role === 'workload' ? [`aws-cluster-${eksClusters(spec).find((c) => c.role === 'management')!.name}`] : []),
                ...(cluster.role === 'workload' && cluster.apiAccess.privateEndpoint ? [`aws-network-${eksClusters(spec).find((c) => c.role === 'management')!.name}`] : []),
              ],
            },
          ]),
      ]);
    },
  );

  it('builds prod as five stacks and staging as three', () => {
    expect(buildAws(TF_PRODUCTION).map((e) => e.name)).toEqual([
      'aws-foundation',
      'aws-network-live-eks-euw2',
      'aws-cluster-live-eks-euw2',
      'aws-network-live-eks-eun1',
      'aws-cluster-live-eks-eun1',
    ]);
    expect(buildAws(TF_STAGING)).toHaveLength(3);
  });

  it('adds nothing for an environment without an AWS account', () => {
    const dev = TF_DEVELOPMENT;
    expect(dev.clouds.aws).toBeUndefined();
    expect(addCloudStacks(awsEstate, Testing.app(), dev, (n) => n)).toEqual([]);
  });

  it('rejects an EKS cluster in an environment without an AWS account', () => {
    const staging = TF_STAGING;
    const { aws: _aws, ...clouds } = staging.clouds;
    expect(() => addCloudStacks(awsEstate, Testing.app(), { ...staging, clouds }, (n) => n)).toThrow(/EKS cluster stage-eks-euw2 needs the environment's AWS account/);
  });
});

describe.each(AWS_ENVIRONMENTS.flatMap((spec) => eksClusters(spec).map((cluster) => [`${spec.name}/${cluster.name}`, spec, cluster] as const)))(
  'cross-stack values of %s',
  (_name, spec, cluster) => {
    const entries = buildAws(spec);
    const producers = {
      network: { json: synthJson(stackNamed(entries, networkStackName('aws', cluster.name))), shape: NETWORK_OUTPUTS },
      foundation: { json: synthJson(stackNamed(entries, foundationStackName('aws'))), shape: FOUNDATION_OUTPUTS },
    };
    const eks = synthJson(stackNamed(entries, clusterStackName('aws', cluster.name)));

    it.each(Object.keys(producers) as (keyof typeof producers)[])("reads the %s through a remote state with exactly that stack's backend", (remote) => {
      const backend = at(producers[remote].json, 'terraform', 'backend', 's3') as Record<string, unknown>;
      const { use_lockfile: _lock, ...location } = backend;
      expect(at(eks, 'data', 'terraform_remote_state', remote)).toMatchObject({ backend: 's3', config: location });
    });

    it('takes every value from the network and the foundation as a remote-state output that stack publishes', () => {
      const reads = allStrings(eks)
        .flatMap((s) => [...s.matchAll(/data\.terraform_remote_state\.(\w+)\.outputs\.(\w+)/g)])
        .map((m) => `${m[1]}.${m[2]}`);
      expect(new Set(reads.map((read) => read.split('.')[0]))).toEqual(new Set(['network', 'foundation']));
      for (const read of new Set(reads)) {
        const [remote, output] = read.split('.') as [keyof typeof producers, string];
        expect(Object.keys(at(producers[remote].json, 'output') as object)).toContain(output);
        expect(Object.keys(producers[remote].shape)).toContain(output);
      }
    });

    it('copies no network id, bucket name or address into the cluster stack', () => {
      // Argo CD's path to a private-only cluster routes and opens the spec's networkCidr (spec data
      // both ends read, not a value copied from another stack): argocd-network-path.test.ts.
      const resources = Object.fromEntries(
        Object.entries((eks.resource ?? {}) as Record<string, Record<string, unknown>>).map(([type, byName]) => [
          type,
          Object.fromEntries(Object.entries(byName).filter(([name]) => !name.startsWith('argocd-path-'))),
        ]),
      );
      const copied = allStrings({ ...eks, resource: resources }).filter(
        (s) => /\b(vpc|subnet|sg|nat|igw)-[0-9a-f]{8,}\b/.test(s) || s.includes(cluster.networkCidr) || s.includes('compliance-reports-') || s.includes(':s3:::'),
      );
      expect(copied).toEqual([]);
    });
  },
);

describe('AwsStack', () => {
  class Probe extends AwsStack {
    constructor(build: (stack: Probe) => void) {
      super(Testing.app(), 'probe', { spec: TF_STAGING, stackName: 'aws-probe', region: 'eu-west-1' });
      build(this);
    }
  }

  it('names a resource by its construct path below the stack joined with dashes, without a hash', () => {
    const stack = new Probe((s) => {
      new S3Bucket(s, 'top', { bucket: 'top-bucket' });
      new S3Bucket(new Construct(s, 'group'), 'bucket', { bucket: 'nested-bucket' });
    });
    expect(Object.keys(at(synthJson(stack), 'resource', 'aws_s3_bucket') as object).sort()).toEqual(['group-bucket', 'top']);
  });

  it('leaves a construct with id Default out of the names, so wrapping resources keeps their addresses', () => {
    const stack = new Probe((s) => {
      new S3Bucket(new Construct(new Construct(s, 'group'), HIDDEN_ID), 'bucket', { bucket: 'nested-bucket' });
    });
    expect(Object.keys(at(synthJson(stack), 'resource', 'aws_s3_bucket') as object)).toEqual(['group-bucket']);
  });

  it('fails when two construct paths would get the same Terraform name', () => {
    expect(
      () =>
        new Probe((s) => {
          new S3Bucket(s, 'group-bucket', { bucket: 'a-bucket' });
          new S3Bucket(new Construct(s, 'group'), 'bucket', { bucket: 'b-bucket' });
          synthJson(s);
        }),
    ).toThrow(/both get the Terraform name "group-bucket"/);
  });

  it('rejects an environment without an AWS account', () => {
    const { aws: _aws, ...clouds } = TF_STAGING.clouds;
    expect(() => new (class extends AwsStack {})(Testing.app(), 'x', { spec: { ...TF_STAGING, clouds }, stackName: 'aws-x', region: 'eu-west-1' })).toThrow(
      /spec.clouds.aws is not set/,
    );
  });
});
