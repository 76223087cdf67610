import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { WORKLOAD_NAMESPACE_RESOURCES } from '../../constructs/delivery/delivery-sync';
import { applicationSpecOf, field, manifestOf, manifestsOf, objectsOf } from '../platform/render-environment';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';

describe('a delivered workload in the estate: its folder, ApplicationSet and AppProject', () => {
  it('renders the workload into its own folder, synced by its own ApplicationSet', () => {
    const spec = fixtureDeliveryEnvironment('staging');
    const components = buildKubernetesEstate(spec).components;
    expect(components.find((c) => c.id === 'workload-echo')?.scope).toBe('single-cluster');
    const set = manifestOf(objectsOf(spec), 'ApplicationSet', 'workload-echo');
    const app = applicationSpecOf(set);
    expect(field(app, 'source.path')).toBe('dist/k8s/stage/workload-echo');
    expect([field(app, 'project'), field(app, 'destination.namespace')]).toEqual(['workloads', 'echo']);
    expect(field(set, 'spec.template.metadata.labels')).toEqual(expect.objectContaining({ 'gitops-cdk.io/drift-class': 'workloads' }));
  });

  it('selects the workload clusters, or the management cluster where there are none', () => {
    const selector = (tier: 'development' | 'staging') =>
      field(manifestOf(objectsOf(fixtureDeliveryEnvironment(tier)), 'ApplicationSet', 'workload-echo'), 'spec.generators.0.clusters.selector.matchLabels');
    expect(selector('development')).toEqual({ 'gitops-cdk.io/env': 'lab', 'gitops-cdk.io/cluster-role': 'workload' });
    expect(selector('staging')).toEqual({ 'gitops-cdk.io/env': 'stage', 'gitops-cdk.io/cluster-role': 'management' });
  });

  it('syncs a workload that names its clusters with one Application per cluster', () => {
    const spec = fixtureDeliveryEnvironment('development');
    const cluster = spec.clusters[0]?.name ?? '';
    const objects = objectsOf({ ...spec, delivery: { workloads: [fixtureWorkload({ clusters: [cluster] })] } });
    expect(manifestsOf(objects, 'ApplicationSet', 'workload-echo')).toEqual([]);
    expect(manifestsOf(objects, 'Application').map((m) => m.metadata.name)).toContain(`${cluster}-workload-echo-sync`);
  });

  it('never auto-prunes in production (the environment sync spec), and self-heals', () => {
    const set = manifestOf(objectsOf(fixtureDeliveryEnvironment('production')), 'ApplicationSet', 'workload-echo');
    expect(field(applicationSpecOf(set), 'syncPolicy.automated')).toEqual({ prune: false, selfHeal: true });
  });

  it('has a workloads AppProject allowing the Rollout kinds in the workload namespace, on the clusters it runs on', () => {
    const spec = fixtureDeliveryEnvironment('production');
    const project = manifestOf(objectsOf(spec), 'AppProject', 'workloads');
    expect(field(project, 'spec.namespaceResourceWhitelist')).toEqual(WORKLOAD_NAMESPACE_RESOURCES.map((gk) => ({ ...gk })));
    expect(WORKLOAD_NAMESPACE_RESOURCES).toEqual(
      expect.arrayContaining([
        { group: 'argoproj.io', kind: 'Rollout' },
        { group: 'argoproj.io', kind: 'AnalysisTemplate' },
      ]),
    );
    expect(field(project, 'spec.clusterResourceWhitelist')).toEqual([{ group: '', kind: 'Namespace' }]);
    const destinations = field(project, 'spec.destinations') as { namespace: string; name?: string; server?: string }[];
    expect(new Set(destinations.map((d) => d.namespace))).toEqual(new Set(['echo']));
    const workloadClusters = spec.clusters.filter((c) => c.role === 'workload');
    expect(destinations).toHaveLength(workloadClusters.length);
    expect(field(project, 'spec.sourceRepos')).toEqual([spec.gitops.repoUrl]);
    expect((field(project, 'spec.syncWindows') as unknown[]).length).toBe(spec.syncWindows.length);
  });

  it('binds the workloads project roles in argocd-rbac-cm', () => {
    const rbac = manifestOf(objectsOf(fixtureDeliveryEnvironment('staging')), 'ConfigMap', 'argocd-rbac-cm');
    expect(JSON.stringify(field(rbac, 'data'))).toMatch(/proj:workloads:deployer, applications, action\/\*, workloads\/\*, allow/);
  });

  it('adds nothing for an environment without delivery', () => {
    const spec = fixtureDeliveryEnvironment('staging', []);
    expect(manifestsOf(objectsOf(spec), 'AppProject').map((m) => m.metadata.name)).toEqual(['platform']);
    expect(buildKubernetesEstate(spec).components.some((c) => c.id.startsWith('workload-'))).toBe(false);
  });
});
