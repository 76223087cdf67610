import { field, manifestOf, manifestsOf, objectsOf } from '../platform/render-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

type Destination = { name?: string; server?: string; namespace: string };
type Role = { name: string; groups: string[]; policies: string[] };

describe('the tenancy AppProject', () => {
  it('deploys the environment repository to every tenant namespace on the clusters it is on', () => {
    const spec = fixtureTenantEnvironment('development', [
      fixtureTenant({ namespaces: [{ name: 'alpha' }, { name: 'alpha-batch', clusters: ['lab-gke-euw4'] }] }),
      fixtureTenant({ name: 'beta' }),
    ]);
    const project = manifestOf(objectsOf(spec), 'AppProject', 'tenancy');
    expect(field(project, 'spec.sourceRepos')).toEqual([spec.gitops.repoUrl]);
    const destinations = field(project, 'spec.destinations') as Destination[];
    expect(destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'alpha' },
      { name: 'lab-gke-euw4', namespace: 'alpha' },
      { name: 'lab-gke-euw4', namespace: 'alpha-batch' },
      { server: 'https://kubernetes.default.svc', namespace: 'beta' },
      { name: 'lab-gke-euw4', namespace: 'beta' },
    ]);
  });

  it('manages Namespaces, quotas, limits, NetworkPolicies and RoleBindings only', () => {
    const project = manifestOf(objectsOf(fixtureTenantEnvironment('staging')), 'AppProject', 'tenancy');
    expect(field(project, 'spec.clusterResourceWhitelist')).toEqual([{ group: '', kind: 'Namespace' }]);
    expect(field(project, 'spec.namespaceResourceWhitelist')).toEqual([
      { group: '', kind: 'ResourceQuota' },
      { group: '', kind: 'LimitRange' },
      { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
      { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
    ]);
    // A blacklist of quotas would refuse what the project exists for.
    expect(field(project, 'spec.namespaceResourceBlacklist')).toBeUndefined();
  });

  it('has the platform project roles and, in production, its sync windows', () => {
    const objects = objectsOf(fixtureTenantEnvironment('production'));
    const tenancy = manifestOf(objects, 'AppProject', 'tenancy');
    const platform = manifestOf(objects, 'AppProject', 'platform');
    const groupsOf = (project: unknown) => (field(project, 'spec.roles') as Role[]).map((r) => [r.name, r.groups]);
    expect(groupsOf(tenancy)).toEqual(groupsOf(platform));
    expect(field(tenancy, 'spec.syncWindows')).toEqual(field(platform, 'spec.syncWindows'));
    expect((field(tenancy, 'spec.syncWindows') as unknown[]).length).toBeGreaterThan(0);
  });

  it('leaves the other projects blacklisting quotas and limits, and adds no project without tenants', () => {
    const objects = objectsOf(fixtureTenantEnvironment('staging', []));
    expect(manifestsOf(objects, 'AppProject').map((p) => p.metadata.name)).toEqual(['platform']);
    expect(field(manifestOf(objects, 'AppProject', 'platform'), 'spec.namespaceResourceBlacklist')).toEqual([
      { group: '', kind: 'ResourceQuota' },
      { group: '', kind: 'LimitRange' },
    ]);
  });
});
