import { clustersSelected } from '../../../apps/verify/chart-render';
import { dev } from '../../../environments/dev';
import { staging } from '../../../environments/staging';
import type { EksClusterSpec, EnvironmentSpec } from '../../../environments/types';
import { manifestOf, objectsOf } from '../../platform/render-environment';

// Fixture: dev's AKS and GKE clusters plus an EKS cluster of our own, so a cloud selector picks one of three.
const EKS: EksClusterSpec = { ...(staging.clusters[0] as EksClusterSpec), name: 'mixed-eks-euw1', role: 'workload', labels: { tier: 'batch' } };
const MIXED: EnvironmentSpec = { ...dev, clusters: [...dev.clusters, EKS], clouds: { ...dev.clouds, aws: staging.clouds.aws! } };
const names = (selector: Record<string, string>) => clustersSelected(MIXED, selector).map((c) => c.name);

describe('clustersSelected', () => {
  it("yields the clusters of an ApplicationSet's cluster generator: every cluster of the environment, or those of one cloud", () => {
    expect(names({ 'gitops-cdk.io/env': 'dev' })).toEqual(['dev-aks-weu', 'dev-gke-euw1', 'mixed-eks-euw1']);
    expect(names({ 'gitops-cdk.io/env': 'dev', 'gitops-cdk.io/cloud': 'aws' })).toEqual(['mixed-eks-euw1']);
    expect(names({ 'gitops-cdk.io/env': 'dev', 'gitops-cdk.io/cloud': 'azure' })).toEqual(['dev-aks-weu']);
    expect(names({ 'gitops-cdk.io/env': 'staging' })).toEqual([]);
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
