import { addonOf, clustersSelected } from '../../../apps/verify/chart-render';
import type { EnvironmentSpec } from '../../../environments/types';
import { manifestOf, objectsOf } from '../../platform/render-environment';
import { eksCluster } from '../../support/fixture-clusters';
import { fixtureEnvironment } from '../../support/fixture-environment';

// Fixture: a development environment's AKS and GKE clusters plus an EKS cluster, so a cloud selector picks one of three.
const dev = fixtureEnvironment({ tier: 'development' });
const MIXED: EnvironmentSpec = fixtureEnvironment({ tier: 'development', clusters: [...dev.clusters, eksCluster('mixed-eks-euw1', { labels: { tier: 'batch' } })] });
const names = (selector: Record<string, string>) => clustersSelected(MIXED, selector).map((c) => c.name);

describe('clustersSelected', () => {
  it("yields the clusters of an ApplicationSet's cluster generator: every cluster of the environment, or those of one cloud", () => {
    expect(names({ 'gitops-cdk.io/env': 'lab' })).toEqual(['lab-aks-neu', 'lab-gke-euw4', 'mixed-eks-euw1']);
    expect(names({ 'gitops-cdk.io/env': 'lab', 'gitops-cdk.io/cloud': 'aws' })).toEqual(['mixed-eks-euw1']);
    expect(names({ 'gitops-cdk.io/env': 'lab', 'gitops-cdk.io/cloud': 'azure' })).toEqual(['lab-aks-neu']);
    expect(names({ 'gitops-cdk.io/env': 'stage' })).toEqual([]);
    expect(names({ tier: 'batch' })).toEqual(['mixed-eks-euw1']);
  });

  it('reads the labels synth writes on each cluster Secret', () => {
    const objects = objectsOf(MIXED);
    for (const cluster of MIXED.clusters) {
      const labels = manifestOf(objects, 'Secret', `cluster-${cluster.name}`).metadata.labels ?? {};
      // Argo CD's own marker and the chart's managed-by label are on every Secret; no generator selects on them.
      const { ['argocd.argoproj.io/secret-type']: _type, ['app.kubernetes.io/managed-by']: _managedBy, ...selectable } = labels;
      expect([cluster.name, clustersSelected(MIXED, selectable).map((c) => c.name)]).toEqual([cluster.name, [cluster.name]]);
    }
  });
});

describe('addonOf', () => {
  it('tells apart the add-ons that share one chart (Velero, one per cloud) by the name of the object that installs it', () => {
    const velero = { chart: 'velero', repoURL: 'https://vmware-tanzu.github.io/helm-charts', targetRevision: '11.4.0' };
    expect(addonOf(velero, 'velero-azure')?.name).toBe('velero-azure');
    expect(addonOf(velero, 'velero-gcp')?.name).toBe('velero-gcp');
    expect(addonOf(velero, 'lab-aks-neu-velero-aws')?.name).toBe('velero-aws');
    expect(addonOf({ chart: 'kyverno', repoURL: 'https://kyverno.github.io/kyverno/', targetRevision: '3.9.1' }, 'anything')?.name).toBe('kyverno');
  });
});
