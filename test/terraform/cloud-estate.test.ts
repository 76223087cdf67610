import { TerraformStack, Testing } from 'cdktf';
import type { Construct } from 'constructs';
import type { EksClusterSpec } from '../../constructs/kubernetes/cluster-spec';
import { addCloudStacks, type CloudEstate, type ClusterStackInputs, planCloudStacks } from '../../constructs/terraform/cloud-estate';
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
  clusterReads: () => ['cluster'],
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

  it('names the dependencies a cloud reads by role, only for a workload cluster whose management cluster is on the cloud', () => {
    const both: CloudEstate<EksClusterSpec, Probe, Probe, Probe> = { ...probeEstate, clusterReads: () => ['cluster', 'network'] };
    const plans = planCloudStacks(both, Testing.app(), environment, (name) => name);
    expect(plans.find((p) => p.name === 'aws-cluster-w')?.dependsOn).toEqual(['aws-foundation', 'aws-network-w', 'aws-cluster-m', 'aws-network-m']);
    expect(plans.find((p) => p.name === 'aws-cluster-m')?.dependsOn).toEqual(['aws-foundation', 'aws-network-m']);
  });
});

describe('planCloudStacks', () => {
  const planned = () => {
    const app = Testing.app();
    const built: string[] = [];
    const plans = planCloudStacks(
      probeEstate,
      app,
      environment,
      (name) => name,
      (name, build) => {
        built.push(name);
        return build();
      },
    );
    const build = (name: string) => plans.find((p) => p.name === name)!.build();
    return { app, built, plans, build };
  };

  it('builds nothing until a stack is asked for', () => {
    const { app, built, plans } = planned();
    expect(plans.map((p) => p.name)).toEqual(['aws-foundation', 'aws-network-m', 'aws-cluster-m', 'aws-network-w', 'aws-cluster-w']);
    expect(built).toEqual([]);
    expect(app.node.children).toEqual([]);
  });

  it('builds a stack and the stacks it stands on, nothing else, each once', () => {
    const { built, build } = planned();
    const workload = build('aws-cluster-w') as Probe;
    expect([...built].sort()).toEqual(['aws-cluster-m', 'aws-cluster-w', 'aws-foundation', 'aws-network-m', 'aws-network-w']);
    expect(build('aws-cluster-w')).toBe(workload);
    expect(workload.inputs?.management?.cluster).toBe(build('aws-cluster-m'));
    expect(built).toHaveLength(5);
  });

  it("does not build a workload cluster's stacks for the management cluster", () => {
    const { built, build } = planned();
    build('aws-cluster-m');
    expect([...built].sort()).toEqual(['aws-cluster-m', 'aws-foundation', 'aws-network-m']);
  });
});
