import { GcpFoundationStack } from '../../../constructs/terraform/gcp/foundation-stack';
import { clusterStackName, networkStackName } from '../../../constructs/terraform/stack-names';
import { TF_ESTATE } from '../terraform-fixtures';
import { at, synthJson } from '../terraform-json';
import { buildGcp, GCP_ENVIRONMENTS, gcpBase, gkeClusters } from './gcp-test-helpers';

describe.each(GCP_ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('the GCP estate in %s', (_env, spec) => {
  const entries = buildGcp(spec);

  it('adds the foundation, then per GKE cluster its network and the cluster, each depending on what it needs', () => {
    const expected = [
      { name: 'gcp-foundation', dependsOn: [] },
      ...gkeClusters(spec).flatMap((cluster) => [
        { name: `gcp-network-${cluster.name}`, dependsOn: ['gcp-foundation'] },
        { name: `gcp-cluster-${cluster.name}`, dependsOn: ['gcp-foundation', `gcp-network-${cluster.name}`] },
      ]),
    ];
    expect(entries.map(({ name, dependsOn }) => ({ name, dependsOn }))).toEqual(expected);
    expect(entries[0]!.stack).toBeInstanceOf(GcpFoundationStack);
  });

  it('keeps every stack state in the foundation bucket under the stack name', () => {
    const bucket = `${spec.clouds.gcp!.projectId}-tfstate`;
    for (const entry of entries) {
      expect(at(synthJson(entry.stack), 'terraform', 'backend', 'gcs')).toMatchObject({ bucket, prefix: entry.name });
    }
  });

  it('reads remote state only of stacks it depends on', () => {
    for (const entry of entries) {
      const json = synthJson(entry.stack);
      const data = (json.data as Record<string, Record<string, { config: { prefix: string } }>> | undefined)?.terraform_remote_state ?? {};
      for (const remote of Object.values(data)) expect(entry.dependsOn).toContain(remote.config.prefix);
    }
  });
});

describe('the GCP estate without GCP', () => {
  it('adds nothing for an environment without a GCP project or GKE cluster', () => {
    const withoutGcp = TF_ESTATE.filter((s) => s.clouds.gcp === undefined && gkeClusters(s).length === 0);
    expect(withoutGcp.length).toBeGreaterThan(0);
    for (const spec of withoutGcp) {
      expect(buildGcp(spec)).toEqual([]);
    }
    const { spec } = gcpBase();
    expect(buildGcp({ ...spec, clouds: { ...spec.clouds, gcp: undefined }, clusters: spec.clusters.filter((c) => c.cloud !== 'gcp') })).toEqual([]);
  });

  it('rejects GKE clusters in an environment without a GCP project', () => {
    const { spec, cluster } = gcpBase();
    expect(() => buildGcp({ ...spec, clouds: { ...spec.clouds, gcp: undefined } })).toThrow(
      new RegExp(`clusters ${cluster.name} are GKE clusters but spec\\.clouds\\.gcp is not set`),
    );
  });

  it('names the layers after the cluster', () => {
    const { cluster } = gcpBase();
    expect([networkStackName('gcp', cluster.name), clusterStackName('gcp', cluster.name)]).toEqual([`gcp-network-${cluster.name}`, `gcp-cluster-${cluster.name}`]);
  });
});
