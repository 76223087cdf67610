import { TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { EksClusterSpec } from '../../constructs/kubernetes/cluster-spec';
import { addCloudStacks, type CloudEstate, type ClusterStackInputs } from '../../constructs/terraform/cloud-estate';
import type { TerraformEnvironment } from '../../constructs/terraform/terraform-environment';
import { TF_STAGING } from './terraform-fixtures';

/** A stack that records what it was built from. */
class Probe extends TerraformStack {
  constructor(
    scope: Construct,
    id: string,
    readonly inputs?: ClusterStackInputs<Probe, Probe, Probe>,
  ) {
    super(scope, id);
  }
}

const cluster = (name: string, role: 'management' | 'workload'): EksClusterSpec => ({ ...(TF_STAGING.clusters[0] as EksClusterSpec), name, role });

/** A cloud whose cluster stacks read the management cluster's stack, like AWS and Azure. */
const probeEstate: CloudEstate<EksClusterSpec, Probe, Probe, Probe> = {
  cloud: 'aws',
  isOnCloud: (c): c is EksClusterSpec => c.cloud === 'aws',
  usedBy: (environment) => environment.clouds.aws !== undefined,
  foundation: (scope, id) => new Probe(scope, id),
  network: (scope, id) => new Probe(scope, id),
  cluster: (scope, id, _environment, _cluster, inputs) => new Probe(scope, id, inputs),
  clusterReads: (_cluster, { management }) => (management === undefined ? [] : [management.cluster]),
};

const environment: TerraformEnvironment = { ...TF_STAGING, clusters: [cluster('w', 'workload'), cluster('m', 'management')] };

describe('addCloudStacks', () => {
  const entries = addCloudStacks(probeEstate, Testing.app(), environment, (name) => `id-${name}`);

  it('adds the foundation, then per cluster (management first) its network and the cluster, named by the stack names', () => {
    expect(entries.map((e) => [e.name, e.stack.node.id])).toEqual([
      ['aws-foundation', 'id-aws-foundation'],
      ['aws-network-m', 'id-aws-network-m'],
      ['aws-cluster-m', 'id-aws-cluster-m'],
      ['aws-network-w', 'id-aws-network-w'],
      ['aws-cluster-w', 'id-aws-cluster-w'],
    ]);
  });

  it('computes each dependency from the stack objects a stack is given', () => {
    expect(Object.fromEntries(entries.map((e) => [e.name, e.dependsOn]))).toEqual({
      'aws-foundation': [],
      'aws-network-m': ['aws-foundation'],
      'aws-cluster-m': ['aws-foundation', 'aws-network-m'],
      'aws-network-w': ['aws-foundation'],
      'aws-cluster-w': ['aws-foundation', 'aws-network-w', 'aws-cluster-m'],
    });
  });

  it("gives a workload cluster the management cluster's stacks, and the management cluster none", () => {
    const stackOf = (name: string) => entries.find((e) => e.name === name)!.stack as Probe;
    expect(stackOf('aws-cluster-m').inputs?.management).toBeUndefined();
    expect(stackOf('aws-cluster-w').inputs?.management).toEqual({ network: stackOf('aws-network-m'), cluster: stackOf('aws-cluster-m') });
  });

  it('adds nothing for an environment the cloud is not used by', () => {
    expect(addCloudStacks(probeEstate, Testing.app(), { ...environment, clouds: {} }, (name) => name)).toEqual([]);
  });

  it('refuses a dependency on a stack that was not added before', () => {
    const stray = new Probe(Testing.app(), 'stray');
    const reading: CloudEstate<EksClusterSpec, Probe, Probe, Probe> = { ...probeEstate, clusterReads: () => [stray] };
    expect(() => addCloudStacks(reading, Testing.app(), environment, (name) => name)).toThrow(/aws-cluster-m reads the state of stray, which is not a stack added before it/);
  });
});
