import { App } from 'cdktf';
import { renderStack } from '../../constructs/terraform/render-stack';
import { addTerraformStacks, buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { ENVIRONMENTS } from '../../environments';

describe('the Terraform estate', () => {
  // Built once: the tests below only read the stacks.
  const estates = new Map(ENVIRONMENTS.map((spec) => [spec.name, buildTerraformEstate(spec)] as const));


  // The stack list per environment: adding a cluster or a cloud changes it on purpose.
  const STACKS: Readonly<Record<string, readonly string[]>> = {
    dev: [
      'azure-foundation',
      'azure-network-dev-aks-weu',
      'azure-cluster-dev-aks-weu',
      'gcp-foundation',
      'gcp-network-dev-gke-euw1',
      'gcp-cluster-dev-gke-euw1',
    ],
    staging: ['aws-foundation', 'aws-network-staging-eks-euw1', 'aws-cluster-staging-eks-euw1'],
    prod: [
      'aws-foundation',
      'aws-network-prod-eks-euw1',
      'aws-cluster-prod-eks-euw1',
      'aws-network-prod-eks-euc1',
      'aws-cluster-prod-eks-euc1',
    ],
  };

  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('gives %s foundation, network and cluster stacks per cloud, in apply order', (env, spec) => {
    const { entries } = estates.get(spec.name)!;
    expect(entries.map((e) => e.name)).toEqual(STACKS[env]);
    for (const entry of entries) {
      const [cloud, layer, cluster] = entry.name.split(/-(foundation|network|cluster)-?/);
      // A workload cluster may read its management cluster's stack (Argo CD's identity there).
      const management = spec.clusters.find((c) => c.role === 'management' && c.cloud === cloud);
      const managementStack = management !== undefined && management.name !== cluster ? [`${cloud}-cluster-${management.name}`, `${cloud}-network-${management.name}`] : [];
      const expected = layer === 'foundation' ? [] : layer === 'network' ? [`${cloud}-foundation`] : [`${cloud}-foundation`, `${cloud}-network-${cluster}`, ...managementStack];
      // A cluster reads its network; the foundation holds the state every stack is kept in.
      expect([entry.name, entry.dependsOn.every((d) => expected.includes(d)), entry.dependsOn.length > 0 || layer === 'foundation']).toEqual([entry.name, true, true]);
    }
  });

  it('prefixes stack ids with the environment when every environment shares one app', () => {
    const app = new App({ outdir: 'cdktf.out' });
    const ids = ENVIRONMENTS.filter((spec) => spec.clouds.aws !== undefined).flatMap((spec) =>
      addTerraformStacks(app, spec, (layer) => `${spec.name}-${layer}`).map((entry) => entry.stack.node.id),
    );
    expect(ids.filter((id) => id.includes('-aws-'))).toEqual([
      'staging-aws-foundation',
      'staging-aws-network-staging-eks-euw1',
      'staging-aws-cluster-staging-eks-euw1',
      'prod-aws-foundation',
      'prod-aws-network-prod-eks-euw1',
      'prod-aws-cluster-prod-eks-euw1',
      'prod-aws-network-prod-eks-euc1',
      'prod-aws-cluster-prod-eks-euc1',
    ]);
  });

  it('keys the state by layer, not by stack id, so both apps share one state', async () => {
    const prod = ENVIRONMENTS.find((spec) => spec.name === 'prod')!;
    const [alone] = estates.get(prod.name)!.stacks;
    const [shared] = addTerraformStacks(new App({ outdir: 'cdktf.out' }), prod, (layer) => `prod-${layer}`);
    const a = await renderStack(alone!, 'prod');
    const b = await renderStack(shared!.stack, 'prod');
    expect(a.hcl).toBe(b.hcl);
  });
});
