import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { k8sTenantProjectScope as tenantProjectScope } from '../../../constructs/rules/kubernetes/k8s-tenant-project-scope';
import { TENANT_NAMESPACE_RESOURCE_BLACKLIST } from '../../../constructs/tenancy/tenant-project';
import { manifestOf, objectsOf } from '../../platform/render-environment';
import { fixtureTenantEnvironment } from '../../support/fixture-tenant';
import { dev, prod, staging } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const REPO = 'https://git.fixture.example/teams/alpha-deploy.git';
const DESTINATION = { name: 'prod-eks-euw1', namespace: 'alpha' };

function project(name: string, spec: Partial<IAppProject['spec']>) {
  return rendered(`prod/projects/${name}/Resource`, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: 'argocd' },
    spec: {
      sourceRepos: [REPO],
      destinations: [DESTINATION],
      clusterResourceWhitelist: [],
      namespaceResourceBlacklist: TENANT_NAMESPACE_RESOURCE_BLACKLIST.map((gk) => ({ ...gk })),
      ...spec,
    },
  });
}

function namespace(name: string, tenant?: string) {
  return rendered(`prod/tenant/${name}/Resource`, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, ...(tenant === undefined ? {} : { labels: { 'gitops-cdk.io/tenant': tenant } }) },
  });
}

const NAMESPACES = [namespace('alpha', 'alpha'), namespace('beta', 'beta'), namespace('kyverno')];

describe('k8s-tenant-project-scope', () => {
  it('accepts a tenant project inside its tenant', () => {
    expectAccepted(tenantProjectScope, [project('tenant-alpha', {}), ...NAMESPACES], prod);
  });

  it('accepts the rendered tenant projects once their Namespaces are labelled', () => {
    const spec = fixtureTenantEnvironment('staging');
    const objects = objectsOf(spec);
    const labelled = ['alpha', 'beta'].map((tenant) => namespace(tenant, tenant));
    const projects = ['tenancy', 'tenant-alpha', 'tenant-beta'].map((name) => ({
      constructPath: `stage/projects/${name}/Resource`,
      manifest: manifestOf(objects, 'AppProject', name),
    }));
    expectAccepted(tenantProjectScope, [...projects, ...labelled], staging);
  });

  it('ignores other projects', () => {
    expectAccepted(
      tenantProjectScope,
      [project('platform', { clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }], destinations: [{ name: 'x', namespace: 'kyverno' }] })],
      dev,
    );
  });

  it('rejects cluster-scoped kinds', () => {
    expectRejected(
      tenantProjectScope,
      project('tenant-alpha', { clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }] }),
      prod,
      [{ field: 'spec.clusterResourceWhitelist', fix: /leave clusterResourceWhitelist empty/ }],
      NAMESPACES,
    );
  });

  it('rejects a blacklist that lets the tenant deliver its own quota or RBAC', () => {
    expectRejected(
      tenantProjectScope,
      project('tenant-alpha', {
        namespaceResourceBlacklist: [
          { group: '', kind: 'ResourceQuota' },
          { group: '', kind: 'LimitRange' },
        ],
      }),
      staging,
      [
        {
          field: 'spec.namespaceResourceBlacklist',
          problem: /may deliver Role, RoleBinding/,
          fix: /blacklist ResourceQuota, LimitRange, Role, RoleBinding, PrometheusRule, AlertmanagerConfig/,
        },
      ],
      NAMESPACES,
    );
  });

  it.each([
    ['namespace', { name: 'prod-eks-euw1', namespace: 'alpha-*' }],
    ['namespace', { name: 'prod-eks-euw1', namespace: '!beta' }],
    ['server', { server: '*', namespace: 'alpha' }],
    ['name', { name: '!prod-eks-euw1', namespace: 'alpha' }],
  ] as const)('rejects a pattern in destination %s', (key, destination) => {
    const fields = [`spec.destinations[1].${key}`, ...(key === 'namespace' ? ['spec.destinations[1].namespace'] : [])];
    expectRejected(
      tenantProjectScope,
      project('tenant-alpha', { destinations: [DESTINATION, destination] }),
      prod,
      fields.map((field) => ({ field, fix: /explicitly|namespaces/ })),
      NAMESPACES,
    );
  });

  it("rejects another tenant's namespace and an unlabelled one", () => {
    expectRejected(
      tenantProjectScope,
      project('tenant-alpha', { destinations: [DESTINATION, { name: 'prod-eks-euw1', namespace: 'beta' }, { name: 'prod-eks-euw1', namespace: 'kyverno' }] }),
      prod,
      [
        {
          field: 'spec.destinations[1].namespace',
          value: '"beta"',
          problem: /a namespace of tenant alpha, but Namespace beta is labelled gitops-cdk.io\/tenant=beta/,
          fix: /declare the namespace among the namespaces of tenant alpha/,
        },
        { field: 'spec.destinations[2].namespace', value: '"kyverno"', problem: /no Namespace kyverno carries gitops-cdk.io\/tenant/, fix: /tenant alpha/ },
      ],
      NAMESPACES,
    );
  });

  it('rejects a tenancy project that reaches a platform namespace', () => {
    expectRejected(
      tenantProjectScope,
      project('tenancy', { destinations: [DESTINATION, { name: 'prod-eks-euw1', namespace: 'beta' }, { server: 'https://kubernetes.default.svc', namespace: 'kyverno' }] }),
      prod,
      [{ field: 'spec.destinations[2].namespace', problem: /may deploy only to a tenant namespace/, fix: /namespaces of the environment tenants/ }],
      NAMESPACES,
    );
  });
});
