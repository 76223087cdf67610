import { buildKubernetesEstate } from '../../apps/assembly/kubernetes-estate';
import { validationViolations } from '../../constructs/rules/construct-violations';
import { applicationSpecOf, componentsOf, field, manifestOf, manifestsOf, objectsOf } from '../platform/render-environment';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';
import { fixtureWorkload } from '../support/fixture-workload';

describe('tenants in the estate', () => {
  it('render each tenant on each of its clusters as a single-cluster component', () => {
    const spec = fixtureTenantEnvironment('development', [fixtureTenant({ namespaces: [{ name: 'alpha', clusters: ['lab-gke-euw4'] }] }), fixtureTenant({ name: 'beta' })]);
    const tenantComponents = componentsOf(spec).filter((c) => c.id.startsWith('tenant-'));
    expect(tenantComponents.map((c) => [c.id, c.scope])).toEqual([
      ['tenant-alpha-lab-gke-euw4', 'single-cluster'],
      ['tenant-beta-lab-aks-neu', 'single-cluster'],
      ['tenant-beta-lab-gke-euw4', 'single-cluster'],
    ]);
  });

  it('sync each tenant folder to its cluster alone in the tenancy project', () => {
    const objects = objectsOf(fixtureTenantEnvironment('development'));
    const app = manifestOf(objects, 'Application', 'lab-gke-euw4-tenant-beta-sync');
    expect(field(app, 'spec.project')).toBe('tenancy');
    expect(field(app, 'spec.source.path')).toBe('dist/k8s/lab/tenant-beta-lab-gke-euw4');
    expect(field(app, 'spec.destination')).toEqual({ name: 'lab-gke-euw4', namespace: 'beta' });
    const management = manifestOf(objects, 'Application', 'lab-aks-neu-tenant-alpha-sync');
    expect(field(management, 'spec.destination')).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'alpha' });
  });

  it('put the tenant projects in the projects chart and the tenant ApplicationSets in the sync chart', () => {
    const objects = objectsOf(fixtureTenantEnvironment('staging'));
    const componentOf = (kind: string, name: string) => objects.find((o) => o.manifest.kind === kind && o.manifest.metadata.name === name)?.component;
    expect(['tenancy', 'tenant-alpha', 'tenant-beta'].map((name) => componentOf('AppProject', name))).toEqual(['projects', 'projects', 'projects']);
    expect(componentOf('ApplicationSet', 'beta-app')).toBe('sync');
    expect(componentOf('Application', 'stage-eks-euw2-tenant-alpha-sync')).toBe('sync');
  });

  it('render a tenant workload without its Namespace, synced in the tenant project from the environment repository', () => {
    const spec = fixtureTenantEnvironment('staging', [fixtureTenant({ workloads: [fixtureWorkload({ namespace: 'alpha' })] })]);
    const objects = objectsOf(spec);
    const folder = objects.filter((o) => o.component === 'tenant-alpha-workload-echo');
    expect(folder.map((o) => o.manifest.kind)).toEqual(expect.arrayContaining(['Rollout', 'Service', 'AnalysisTemplate']));
    expect(folder.some((o) => o.manifest.kind === 'Namespace')).toBe(false);
    expect(folder.every((o) => o.manifest.metadata.namespace === 'alpha')).toBe(true);
    // Labelled for allocation like the tenant's folders.
    expect(folder.every((o) => o.manifest.metadata.labels?.['gitops-cdk.io/tenant'] === 'alpha' && o.manifest.metadata.labels['cost-centre'] === 'cc-alpha')).toBe(true);
    const rollout = manifestOf(objects, 'Rollout', 'echo');
    expect(field(rollout, 'spec.template.metadata.labels')).toEqual(expect.objectContaining({ owner: 'alpha', 'cost-centre': 'cc-alpha' }));
    const app = manifestOf(objects, 'Application', 'stage-eks-euw2-tenant-alpha-workload-echo-sync');
    expect(field(app, 'spec.project')).toBe('tenant-alpha');
    expect(field(app, 'spec.source')).toEqual(expect.objectContaining({ repoURL: spec.gitops.repoUrl, path: 'dist/k8s/stage/tenant-alpha-workload-echo' }));
    expect(field(applicationSpecOf(app), 'syncPolicy.syncOptions')).toEqual(['PruneLast=true']);
  });

  it('refuse a tenant workload outside the tenant namespaces', () => {
    const spec = fixtureTenantEnvironment('staging', [fixtureTenant({ workloads: [fixtureWorkload({ namespace: 'echo' })] })]);
    expect(() => objectsOf(spec)).toThrow(
      "stage: tenant alpha workload echo runs in namespace echo, which is not one of the tenant's namespaces (alpha): fix workloads[].namespace",
    );
  });

  it('sync the tenancy folders with the environment sync policy: never pruning in production', () => {
    const objects = objectsOf(fixtureTenantEnvironment('production'));
    const apps = manifestsOf(objects, 'Application').filter((a) => a.metadata.name.includes('-tenant-'));
    expect(apps.length).toBe(4);
    for (const app of apps) expect(field(app, 'spec.syncPolicy.automated.prune')).toBe(false);
  });

  it('change nothing for an environment without tenants', () => {
    const spec = fixtureTenantEnvironment('staging', []);
    expect(componentsOf(spec).some((c) => c.id.startsWith('tenant-'))).toBe(false);
    expect(manifestsOf(objectsOf(spec), 'ApplicationSet').some((s) => s.metadata.name.startsWith('alpha-'))).toBe(false);
  });

  it('give a tenant that delivers nothing through Argo CD its namespaces but no project', () => {
    const spec = fixtureTenantEnvironment('staging', [fixtureTenant({ applications: [] }), fixtureTenant({ name: 'beta' })]);
    const objects = objectsOf(spec);
    expect(manifestsOf(objects, 'AppProject').map((p) => p.metadata.name)).toEqual(['platform', 'tenancy', 'tenant-beta']);
    expect(componentsOf(spec).map((c) => c.id)).toContain('tenant-alpha-stage-eks-euw2');
  });

  it('check a tenant workload as spec-delivery-workloads checks the platform ones: production runs by digest', () => {
    const violationsOf = (workload: ReturnType<typeof fixtureWorkload>) => {
      const spec = fixtureTenantEnvironment('production', [fixtureTenant({ workloads: [workload] })]);
      return validationViolations(buildKubernetesEstate(spec).app.node.findAll(), spec.name);
    };
    expect(violationsOf(fixtureWorkload({ namespace: 'alpha' }))).toEqual([]);
    const byTag = violationsOf(fixtureWorkload({ namespace: 'alpha', image: { repository: 'registry.gitops-cdk.example/fixture/echo', tag: '2.1.0' } }));
    expect(byTag.map((v) => v.field)).toEqual(['tenants[0].workloads[0].image.digest']);
    expect(byTag[0]?.path).toMatch(/sync\/tenant-alpha-workload-echo$/);
  });
});
