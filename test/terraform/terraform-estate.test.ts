import { App } from 'cdktf';
import { addTerraformStacks, buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { renderStack } from '../../constructs/terraform/render-stack';
import { TF_ESTATE, TF_PRODUCTION } from './terraform-fixtures';

describe('the Terraform estate', () => {
  // Built once: the tests below only read the stacks.
  const estates = new Map(TF_ESTATE.map((spec) => [spec.name, buildTerraformEstate(spec)] as const));

  // The stack list per environment: adding a cluster or a cloud changes it on purpose.
  const STACKS: Readonly<Record<string, readonly string[]>> = {
    lab: ['azure-foundation', 'azure-network-lab-aks-neu', 'azure-cluster-lab-aks-neu', 'gcp-foundation', 'gcp-network-lab-gke-euw4', 'gcp-cluster-lab-gke-euw4'],
    stage: ['aws-foundation', 'aws-network-stage-eks-euw2', 'aws-cluster-stage-eks-euw2'],
    live: ['aws-foundation', 'aws-network-live-eks-euw2', 'aws-cluster-live-eks-euw2', 'aws-network-live-eks-eun1', 'aws-cluster-live-eks-eun1'],
    'live-azure': [
      'azure-foundation',
      'azure-network-live-azure-aks-neu',
      'azure-cluster-live-azure-aks-neu',
      'azure-network-live-azure-aks-weu',
      'azure-cluster-live-azure-aks-weu',
    ],
    'live-gcp': ['gcp-foundation', 'gcp-network-live-gcp-gke-euw4', 'gcp-cluster-live-gcp-gke-euw4'],
  };

  it.each(TF_ESTATE.map((spec) => [spec.name, spec] as const))('gives %s foundation, network and cluster stacks per cloud, in apply order', (env, spec) => {
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
    const ids = TF_ESTATE.filter((spec) => spec.clouds.aws !== undefined).flatMap((spec) =>
      addTerraformStacks(app, spec, (layer) => `${spec.name}-${layer}`).map((entry) => entry.stack.node.id),
    );
    expect(ids.filter((id) => id.includes('-aws-'))).toEqual([
      'stage-aws-foundation',
      'stage-aws-network-stage-eks-euw2',
      'stage-aws-cluster-stage-eks-euw2',
      'live-aws-foundation',
      'live-aws-network-live-eks-euw2',
      'live-aws-cluster-live-eks-euw2',
      'live-aws-network-live-eks-eun1',
      'live-aws-cluster-live-eks-eun1',
    ]);
  });

  it('keys the state by layer, not by stack id, so both apps share one state', async () => {
    const prod = TF_PRODUCTION;
    const [alone] = estates.get(prod.name)!.stacks;
    const [shared] = addTerraformStacks(new App({ outdir: 'cdktf.out' }), prod, (layer) => `${prod.name}-${layer}`);
    const a = await renderStack(alone!, prod.name);
    const b = await renderStack(shared!.stack, prod.name);
    expect(a.hcl).toBe(b.hcl);
  });
});
