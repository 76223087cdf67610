import { TENANT_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import { KYVERNO_GENERATED_NAMES } from '../../constructs/tenancy/tenant-object-names';
import { addDefaultNetworkPolicy } from '../../policies/add-default-network-policy';
import { fixtureTenant } from '../support/fixture-tenant';
import { objectOf, renderTenant } from './render-tenant';

describe('TenantChart', () => {
  it('renders, per namespace, the Namespace, quota, limits, NetworkPolicies and RoleBindings in a stable order', () => {
    const { manifests } = renderTenant(fixtureTenant({ namespaces: [{ name: 'alpha-web' }, { name: 'alpha-api' }] }));
    expect(manifests.map((m) => `${m.metadata.namespace ?? '-'} ${m.kind}/${m.metadata.name}`)).toEqual(
      ['alpha-api', 'alpha-web'].flatMap((ns) => [
        `- Namespace/${ns}`,
        `${ns} ResourceQuota/tenant-quota`,
        `${ns} LimitRange/tenant-limits`,
        `${ns} NetworkPolicy/tenant-default-deny`,
        `${ns} NetworkPolicy/tenant-allow-same-tenant`,
        `${ns} NetworkPolicy/tenant-egress-partner`,
        `${ns} RoleBinding/tenant-owners`,
        `${ns} RoleBinding/tenant-members`,
        `${ns} RoleBinding/tenant-viewers`,
      ]),
    );
  });

  it('labels every object with the tenant and its cost centre, and never uses a name Kyverno generates', () => {
    const { manifests } = renderTenant();
    for (const manifest of manifests) {
      expect(manifest.metadata.labels).toMatchObject({ [TENANT_LABEL]: 'alpha', 'cost-centre': 'cc-alpha' });
      expect(KYVERNO_GENERATED_NAMES).not.toContain(manifest.metadata.name);
    }
  });

  it('labels the namespace with owner, environment, the restricted Pod Security level and no canary label by default', () => {
    const { environment, manifests } = renderTenant();
    const namespace = objectOf(manifests, 'Namespace', 'alpha');
    expect(namespace.metadata.labels).toEqual({
      [TENANT_LABEL]: 'alpha',
      'cost-centre': 'cc-alpha',
      owner: 'alpha',
      env: environment.name,
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
    expect(namespace.spec).toBeUndefined();
  });

  it('labels a canary tenant for the policy rollout and writes its Pod Security level in every mode', () => {
    const { manifests } = renderTenant(fixtureTenant({ policyCanary: true, podSecurity: 'baseline' }));
    expect(objectOf(manifests, 'Namespace', 'alpha').metadata.labels).toMatchObject({
      'policy.gitops-cdk.io/canary': 'true',
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/warn': 'baseline',
      'pod-security.kubernetes.io/audit': 'baseline',
    });
  });

  it('holds only the namespaces placed on its cluster', () => {
    const tenant = fixtureTenant({ namespaces: [{ name: 'alpha' }, { name: 'alpha-gke', clusters: ['lab-gke-euw4'] }] });
    const namespacesOn = (index: number) =>
      renderTenant(tenant, 'development', index)
        .manifests.filter((m) => m.kind === 'Namespace')
        .map((m) => m.metadata.name);
    const { environment } = renderTenant(tenant);
    expect(environment.clusters.map((c) => c.name)).toEqual(['lab-aks-neu', 'lab-gke-euw4']);
    expect(namespacesOn(0)).toEqual(['alpha']);
    expect(namespacesOn(1)).toEqual(['alpha', 'alpha-gke']);
  });

  it('renders the quota from the spec, with limits.cpu only when capped', () => {
    expect(objectOf(renderTenant().manifests, 'ResourceQuota', 'tenant-quota').spec).toEqual({
      hard: {
        'requests.cpu': '1',
        'requests.memory': '1Gi',
        'limits.memory': '2Gi',
        'requests.storage': '10Gi',
        pods: '10',
        services: '5',
        'services.loadbalancers': '0',
      },
    });
    const capped = renderTenant(fixtureTenant({ quota: { cpu: '2', memory: '1Gi', memoryLimit: '2Gi', cpuLimit: '4', pods: 5, storage: '1Gi' } }));
    expect(objectOf(capped.manifests, 'ResourceQuota', 'tenant-quota').spec).toEqual({
      hard: { 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', 'limits.memory': '2Gi', 'requests.storage': '1Gi', pods: '5' },
    });
  });

  it('renders container defaults, and states the default CPU limit the API server derives from a CPU maximum', () => {
    expect(objectOf(renderTenant().manifests, 'LimitRange', 'tenant-limits').spec).toEqual({
      limits: [{ type: 'Container', defaultRequest: { cpu: '50m', memory: '64Mi' }, default: { memory: '128Mi' } }],
    });
    const withMax = fixtureTenant({ limits: { defaultRequest: { cpu: '100m', memory: '128Mi' }, defaultLimit: { memory: '256Mi' }, max: { cpu: '1', memory: '1Gi' } } });
    expect(objectOf(renderTenant(withMax).manifests, 'LimitRange', 'tenant-limits').spec).toEqual({
      limits: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { cpu: '1', memory: '256Mi' }, max: { cpu: '1', memory: '1Gi' } }],
    });
  });

  it('denies in and out but DNS exactly as the default-deny Kyverno generates', () => {
    const kyverno = addDefaultNetworkPolicy.cases.map((c) => c.produces).find((p) => p?.kind === 'NetworkPolicy');
    expect(kyverno).toBeDefined();
    expect(objectOf(renderTenant().manifests, 'NetworkPolicy', 'tenant-default-deny').spec).toEqual((kyverno as { spec: unknown }).spec);
  });

  it("opens both directions between the tenant's namespaces by the tenant label", () => {
    const same = { namespaceSelector: { matchLabels: { [TENANT_LABEL]: 'alpha' } } };
    expect(objectOf(renderTenant().manifests, 'NetworkPolicy', 'tenant-allow-same-tenant').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [same] }],
      egress: [{ to: [same] }],
    });
  });

  it('opens each declared destination on its ports only: an address range with its exceptions, or a namespace by name', () => {
    const tenant = fixtureTenant({
      egress: [
        { name: 'partner', cidr: '198.51.100.0/24', except: ['198.51.100.7/32'], ports: [{ port: 443 }, { port: 8443, protocol: 'UDP' }] },
        { name: 'shared-cache', namespace: 'shared-cache', ports: [{ port: 6379 }] },
      ],
    });
    const { manifests } = renderTenant(tenant);
    expect(objectOf(manifests, 'NetworkPolicy', 'tenant-egress-partner').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.7/32'] } }],
          ports: [
            { protocol: 'TCP', port: 443 },
            { protocol: 'UDP', port: 8443 },
          ],
        },
      ],
    });
    expect(objectOf(manifests, 'NetworkPolicy', 'tenant-egress-shared-cache').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shared-cache' } } }], ports: [{ protocol: 'TCP', port: 6379 }] }],
    });
  });

  it('binds owners to admin, members to edit and viewers to view as groups, and skips a role without groups', () => {
    const { manifests } = renderTenant(fixtureTenant({ ownerGroups: ['b-owners', 'a-owners'], viewerGroups: [] }));
    expect(objectOf(manifests, 'RoleBinding', 'tenant-owners')).toMatchObject({
      metadata: { namespace: 'alpha' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin' },
      subjects: [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'a-owners' },
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'b-owners' },
      ],
    });
    expect(objectOf(manifests, 'RoleBinding', 'tenant-members')).toMatchObject({ roleRef: { name: 'edit' }, subjects: [{ kind: 'Group', name: 'alpha-members' }] });
    expect(manifests.filter((m) => m.metadata.name === 'tenant-viewers')).toEqual([]);
    expect(manifests.filter((m) => m.kind === 'ClusterRoleBinding')).toEqual([]);
  });
});
