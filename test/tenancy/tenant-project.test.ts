import { TENANT_NAMESPACE_RESOURCE_BLACKLIST } from '../../constructs/tenancy/tenant-project';
import { field, manifestOf, objectsOf } from '../platform/render-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';
import { fixtureWorkload } from '../support/fixture-workload';

type Destination = { name?: string; server?: string; namespace: string };
type Role = { name: string; groups: string[]; policies: string[] };

const IN_CLUSTER = 'https://kubernetes.default.svc';

function projectOf(spec: ReturnType<typeof fixtureTenantEnvironment>, tenant: string) {
  return manifestOf(objectsOf(spec), 'AppProject', `tenant-${tenant}`);
}

function role(project: unknown, name: string): Role {
  const found = (field(project, 'spec.roles') as Role[]).find((r) => r.name === name);
  if (found === undefined) throw new Error(`no role ${name}`);
  return found;
}

describe('the AppProject of a tenant', () => {
  it('admits its own repositories only, and its own namespaces as explicit pairs on the clusters they are on', () => {
    const spec = fixtureTenantEnvironment('development', [
      fixtureTenant({ namespaces: [{ name: 'alpha' }, { name: 'alpha-batch', clusters: ['lab-gke-euw4'] }] }),
      fixtureTenant({ name: 'beta' }),
    ]);
    const project = projectOf(spec, 'alpha');
    expect(field(project, 'spec.sourceRepos')).toEqual(['https://git.fixture.example/teams/alpha-deploy.git']);
    expect(field(project, 'spec.destinations') as Destination[]).toEqual([
      { server: IN_CLUSTER, namespace: 'alpha' },
      { name: 'lab-gke-euw4', namespace: 'alpha' },
      { name: 'lab-gke-euw4', namespace: 'alpha-batch' },
    ]);
    const beta = field(projectOf(spec, 'beta'), 'spec.destinations') as Destination[];
    expect(beta.map((d) => d.namespace)).toEqual(['beta', 'beta']);
  });

  it('refuses every cluster-scoped kind, quotas, limits, RBAC, Prometheus rules and Alertmanager configurations, and allows the rest', () => {
    const project = projectOf(fixtureTenantEnvironment('staging'), 'alpha');
    expect(field(project, 'spec.clusterResourceWhitelist')).toEqual([]);
    expect(field(project, 'spec.namespaceResourceWhitelist')).toBeUndefined();
    expect(field(project, 'spec.namespaceResourceBlacklist')).toEqual([
      { group: '', kind: 'ResourceQuota' },
      { group: '', kind: 'LimitRange' },
      { group: 'rbac.authorization.k8s.io', kind: 'Role' },
      { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
      { group: 'monitoring.coreos.com', kind: 'PrometheusRule' },
      { group: 'monitoring.coreos.com', kind: 'AlertmanagerConfig' },
    ]);
    expect(TENANT_NAMESPACE_RESOURCE_BLACKLIST).toHaveLength(6);
  });

  it('gives viewers, owners and members read-only, owners and members deploy, the emergency groups break-glass', () => {
    const spec = fixtureTenantEnvironment('staging');
    const project = projectOf(spec, 'alpha');
    expect(role(project, 'read-only').groups).toEqual(['alpha-viewers', 'alpha-owners', 'alpha-members']);
    expect(role(project, 'read-only').policies).toEqual([
      'p, proj:tenant-alpha:read-only, applications, get, tenant-alpha/*, allow',
      'p, proj:tenant-alpha:read-only, logs, get, tenant-alpha/*, allow',
    ]);
    expect(role(project, 'deployer').groups).toEqual(['alpha-owners', 'alpha-members']);
    expect(role(project, 'deployer').policies).toEqual(
      expect.arrayContaining([
        'p, proj:tenant-alpha:deployer, applications, sync, tenant-alpha/*, allow',
        'p, proj:tenant-alpha:deployer, applications, action/*, tenant-alpha/*, allow',
      ]),
    );
    expect(role(project, 'emergency-override').groups).toEqual([...spec.access.emergencyGroups]);
    expect(field(project, 'spec.syncWindows')).toEqual([]);
  });

  it('in production applies the sync windows and lets deployers only look', () => {
    const spec = fixtureTenantEnvironment('production');
    const project = projectOf(spec, 'alpha');
    const windows = field(project, 'spec.syncWindows') as { kind: string; schedule: string; applications: string[] }[];
    expect(windows).toHaveLength(spec.syncWindows.length);
    expect(windows.length).toBeGreaterThan(0);
    expect(windows.map((w) => [w.kind, w.schedule, w.applications])).toEqual(spec.syncWindows.map((w) => ['allow', w.schedule, ['*']]));
    expect(role(project, 'deployer').policies).toEqual([
      'p, proj:tenant-alpha:deployer, applications, get, tenant-alpha/*, allow',
      'p, proj:tenant-alpha:deployer, logs, get, tenant-alpha/*, allow',
    ]);
  });

  it('admits the environment repository too when the tenant has progressive workloads', () => {
    const base = fixtureTenantEnvironment('staging');
    const spec = fixtureTenantEnvironment('staging', [fixtureTenant({ workloads: [fixtureWorkload({ namespace: 'alpha' })] })]);
    expect(field(projectOf(spec, 'alpha'), 'spec.sourceRepos')).toEqual([base.gitops.repoUrl, 'https://git.fixture.example/teams/alpha-deploy.git'].sort());
  });

  it('carries its roles into argocd-rbac-cm', () => {
    const rbac = manifestOf(objectsOf(fixtureTenantEnvironment('staging')), 'ConfigMap', 'argocd-rbac-cm');
    const policy = JSON.stringify(field(rbac, 'data'));
    expect(policy).toContain('g, alpha-members, proj:tenant-alpha:deployer');
    expect(policy).toContain('g, beta-viewers, proj:tenant-beta:read-only');
    expect(policy).toContain('p, proj:tenancy:deployer, applications, get, tenancy/*, allow');
  });
});
