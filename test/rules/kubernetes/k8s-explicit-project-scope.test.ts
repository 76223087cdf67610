import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { k8sExplicitProjectScope as explicitProjectScope } from '../../../constructs/rules/kubernetes/k8s-explicit-project-scope';
import { manifestOf, objectsOf } from '../../platform/render-environment';
import { FIXTURE_ORGANISATION, FIXTURE_REPO_URL } from '../../support/fixture-environment';
import { dev, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const PATH = 'prod/projects/platform/Resource';
const REPO = FIXTURE_REPO_URL;
const DESTINATION = { name: 'prod-eks-euw1', namespace: 'kyverno' };

function project(spec: Partial<IAppProject['spec']>) {
  return rendered(PATH, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: 'platform', namespace: 'argocd' },
    spec: { sourceRepos: [REPO], destinations: [DESTINATION], ...spec },
  });
}

describe('k8s-explicit-project-scope', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(explicitProjectScope, objectsOf(spec), spec);
  });

  it('accepts the real platform AppProject, which lists repositories and destinations', () => {
    const manifest = manifestOf(objectsOf(prod), 'AppProject', 'platform');
    expect((manifest.spec as IAppProject['spec']).destinations?.length).toBeGreaterThan(0);
    expectAccepted(explicitProjectScope, [{ constructPath: PATH, manifest }], prod);
  });

  it('accepts an explicit project', () => {
    expectAccepted(explicitProjectScope, [project({})], prod);
  });

  it.each(['*', `https://github.com/${FIXTURE_ORGANISATION}/*`])("rejects source repository '%s'", (repo) => {
    expectRejected(explicitProjectScope, project({ sourceRepos: [REPO, repo] }), prod, [
      { field: 'spec.sourceRepos[1]', value: JSON.stringify(repo), fix: /list each repository URL explicitly/ },
    ]);
  });

  it.each([
    ['server', { server: '*', namespace: 'kyverno' }],
    ['name', { name: '*', namespace: 'kyverno' }],
    ['namespace', { name: 'prod-eks-euw1', namespace: '*' }],
    ['namespace', { name: 'prod-eks-euw1', namespace: 'team-*' }],
  ] as const)('rejects a wildcard destination %s', (key, destination) => {
    expectRejected(explicitProjectScope, project({ destinations: [DESTINATION, destination] }), prod, [
      { field: `spec.destinations[1].${key}`, fix: /list each cluster and namespace explicitly/ },
    ]);
  });

  it('rejects an empty list of source repositories', () => {
    expectRejected(explicitProjectScope, project({ sourceRepos: [] }), staging, [{ field: 'spec.sourceRepos', value: '[]', fix: /repository URLs/ }]);
  });

  it('rejects an empty or missing list of destinations', () => {
    expectRejected(explicitProjectScope, project({ destinations: [] }), dev, [{ field: 'spec.destinations', value: '[]', fix: /clusters and namespaces/ }]);
    const { destinations: _destinations, ...spec } = project({}).manifest.spec as IAppProject['spec'];
    const missing = rendered(PATH, { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'platform' }, spec });
    expectRejected(explicitProjectScope, missing, dev, [{ field: 'spec.destinations', value: 'missing', fix: /clusters and namespaces/ }]);
  });

  it('runs in every tier', () => {
    for (const spec of [dev, staging, prod]) {
      expect(expectRejected(explicitProjectScope, project({ sourceRepos: ['*'] }), spec, [{ field: 'spec.sourceRepos[0]', fix: /explicitly/ }])).toHaveLength(1);
    }
  });

  it.each(['group', 'kind'] as const)('rejects a wildcard %s in the cluster resource allow list', (key) => {
    const groupKind = { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', [key]: '*' };
    expectRejected(explicitProjectScope, project({ clusterResourceWhitelist: [groupKind] }), prod, [
      { field: `spec.clusterResourceWhitelist[0].${key}`, value: '"*"', fix: /cluster-scoped group and kind/ },
    ]);
  });
});
