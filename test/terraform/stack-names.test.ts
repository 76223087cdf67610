import { clusterStackName, foundationStackName, networkStackName, terraformStackNames } from '../../constructs/terraform/stack-names';

describe('terraformStackNames', () => {
  const cluster = (name: string, cloud: 'aws' | 'azure' | 'gcp', role: 'management' | 'workload' = 'workload') => ({ name, cloud, role });

  it("lists per cloud with an account the foundation, then each cluster's network and cluster, management cluster first", () => {
    const names = terraformStackNames({
      clouds: { gcp: {}, aws: {} },
      clusters: [cluster('w', 'aws'), cluster('g', 'gcp'), cluster('m', 'aws', 'management')],
    });
    expect(names).toEqual([
      { name: 'aws-foundation', cloud: 'aws' },
      { name: 'aws-network-m', cloud: 'aws' },
      { name: 'aws-cluster-m', cloud: 'aws' },
      { name: 'aws-network-w', cloud: 'aws' },
      { name: 'aws-cluster-w', cloud: 'aws' },
      { name: 'gcp-foundation', cloud: 'gcp' },
      { name: 'gcp-network-g', cloud: 'gcp' },
      { name: 'gcp-cluster-g', cloud: 'gcp' },
    ]);
  });

  it('names no stack of a cloud the environment has no account in', () => {
    expect(terraformStackNames({ clouds: { azure: {} }, clusters: [cluster('a', 'azure', 'management'), cluster('g', 'gcp')] }).map((s) => s.name)).toEqual([
      'azure-foundation',
      'azure-network-a',
      'azure-cluster-a',
    ]);
  });

  it('prefixes every name with its cloud', () => {
    expect([foundationStackName('gcp'), networkStackName('azure', 'x'), clusterStackName('aws', 'y')]).toEqual(['gcp-foundation', 'azure-network-x', 'aws-cluster-y']);
  });
});
