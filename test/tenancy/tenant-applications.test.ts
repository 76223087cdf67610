import { Chart, Testing } from 'cdk8s';
import { AppProject } from '../../constructs/argocd/app-project';
import { ApplicationSet } from '../../constructs/argocd/application-set';
import { ApplicationSource } from '../../constructs/argocd/application-source';
import { DriftPolicy } from '../../constructs/drift/drift-policy';
import { applicationSpecOf, field, manifestOf, objectsOf } from '../platform/render-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

describe('the ApplicationSets of tenant applications', () => {
  const namespaces = [{ name: 'alpha' }, { name: 'alpha-batch', clusters: ['lab-gke-euw4'] }];
  const applications = [
    { name: 'web', repoUrl: 'https://git.fixture.example/teams/alpha-web.git', revision: 'main', path: 'deploy/lab', namespace: 'alpha' },
    { name: 'batch', repoUrl: 'https://git.fixture.example/teams/alpha-batch.git', revision: 'v2.0.0', path: 'jobs', namespace: 'alpha-batch' },
  ];

  it('deploy each application from its repository, revision and path, in the tenant project', () => {
    const objects = objectsOf(fixtureTenantEnvironment('development', [fixtureTenant({ namespaces, applications })]));
    const app = applicationSpecOf(manifestOf(objects, 'ApplicationSet', 'alpha-batch'));
    expect(field(app, 'project')).toBe('tenant-alpha');
    expect(field(app, 'source')).toEqual({ repoURL: 'https://git.fixture.example/teams/alpha-batch.git', targetRevision: 'v2.0.0', path: 'jobs' });
    expect(field(app, 'destination')).toEqual({ name: '{{.name}}', namespace: 'alpha-batch' });
    expect(field(manifestOf(objects, 'AppProject', 'tenant-alpha'), 'spec.sourceRepos')).toEqual([
      'https://git.fixture.example/teams/alpha-batch.git',
      'https://git.fixture.example/teams/alpha-web.git',
    ]);
  });

  it('reach exactly the clusters their namespace is on', () => {
    const objects = objectsOf(fixtureTenantEnvironment('development', [fixtureTenant({ namespaces, applications })]));
    const clustersOf = (set: string) => field(manifestOf(objects, 'ApplicationSet', set), 'spec.generators.0.list.elements');
    expect(clustersOf('alpha-web')).toEqual([{ name: 'lab-aks-neu' }, { name: 'lab-gke-euw4' }]);
    expect(clustersOf('alpha-batch')).toEqual([{ name: 'lab-gke-euw4' }]);
    expect(field(manifestOf(objects, 'ApplicationSet', 'alpha-batch'), 'spec.template.metadata.name')).toBe('{{.name}}-alpha-batch');
  });

  it('never create their namespace and are of drift class workloads', () => {
    const set = manifestOf(objectsOf(fixtureTenantEnvironment('staging')), 'ApplicationSet', 'alpha-app');
    expect(field(applicationSpecOf(set), 'syncPolicy.syncOptions')).toEqual(['PruneLast=true']);
    expect(field(set, 'spec.template.metadata.labels')).toEqual(expect.objectContaining({ 'gitops-cdk.io/drift-class': 'workloads' }));
  });

  it('never prune in production, and keep live resources when the set goes', () => {
    const set = manifestOf(objectsOf(fixtureTenantEnvironment('production')), 'ApplicationSet', 'alpha-app');
    expect(field(applicationSpecOf(set), 'syncPolicy.automated.prune')).toBe(false);
    expect(field(set, 'spec.syncPolicy.preserveResourcesOnDeletion')).toBe(true);
  });

  it('refuse an application whose namespace is not the tenant’s', () => {
    const stray = [{ ...applications[0]!, namespace: 'kyverno' }];
    expect(() => objectsOf(fixtureTenantEnvironment('staging', [fixtureTenant({ applications: stray })]))).toThrow(
      /stage: tenant alpha application web deploys to namespace kyverno, which is not one of the tenant's namespaces \(alpha\)/,
    );
  });

  it('need exactly one way to choose clusters (an ApplicationSet of no cluster deploys nowhere)', () => {
    const chart = new Chart(Testing.app(), 'sync');
    const project = new AppProject(chart, 'p', { name: 'tenant-alpha', description: 'd', sourceRepos: ['https://x.example/a.git'], clusters: [], namespaces: [], roles: [] });
    const base = {
      project,
      source: ApplicationSource.gitPath('https://x.example/a.git', 'main', 'deploy'),
      namespace: 'alpha',
      ...DriftPolicy.fromSpec(fixtureTenantEnvironment('staging')).applicationSettings('workloads'),
    };
    expect(() => new ApplicationSet(chart, 'none', { ...base, name: 'none' })).toThrow('ApplicationSet none: set exactly one of clusterSelector and clusterNames (non-empty)');
    expect(() => new ApplicationSet(chart, 'empty', { ...base, name: 'empty', clusterNames: [] })).toThrow(/exactly one/);
    expect(() => new ApplicationSet(chart, 'both', { ...base, name: 'both', clusterNames: ['a'], clusterSelector: { x: 'y' } })).toThrow(/exactly one/);
  });
});
