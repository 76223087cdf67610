import { specDeliveryWorkloads } from '../../apps/spec/rules/spec-delivery-workloads';
import { dev } from '../../environments/dev';
import { staging } from '../../environments/staging';
import type { EnvironmentSpec } from '../../environments/types';
import { componentsOf, field, manifestOf, objectsOf } from '../platform/render-environment';

const search = (spec: EnvironmentSpec) => spec.tenants?.find((t) => t.name === 'search');

describe("the search tenant's example progressive workload", () => {
  it.each([dev, staging])('is valid as a delivered workload of $name (spec-delivery-workloads)', (spec) => {
    const workloads = search(spec)?.workloads ?? [];
    expect(workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual(['search/web']);
    expect(specDeliveryWorkloads.check({ ...spec, delivery: { workloads } })).toEqual([]);
  });

  it('is rendered into its own folder without a Namespace and synced in the tenant project', () => {
    const objects = objectsOf(staging);
    expect(componentsOf(staging).map((c) => c.id)).toContain('tenant-search-workload-web');
    const folder = objects.filter((o) => o.component === 'tenant-search-workload-web');
    expect(folder.map((o) => o.manifest.kind).sort()).toEqual(['AnalysisTemplate', 'NetworkPolicy', 'NetworkPolicy', 'PodMonitor', 'Rollout', 'Service', 'ServiceAccount']);
    const app = manifestOf(objects, 'Application', 'staging-eks-euw1-tenant-search-workload-web-sync');
    expect(field(app, 'spec.project')).toBe('tenant-search');
    expect(field(manifestOf(objects, 'AppProject', 'tenant-search'), 'spec.sourceRepos')).toContain(staging.gitops.repoUrl);
    // A tenant without workloads admits its own repositories only.
    expect(field(manifestOf(objects, 'AppProject', 'tenant-payments'), 'spec.sourceRepos')).toEqual(['https://github.com/acme/payments-deploy.git']);
  });
});
