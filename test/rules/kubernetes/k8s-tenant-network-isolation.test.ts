import { k8sTenantNetworkIsolation as rule } from '../../../constructs/rules/kubernetes/k8s-tenant-network-isolation';
import { packFor } from '../../../constructs/rules/packs';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import { estateObjects, kyvernoDefaultDeny, namespace, networkPolicy, PLATFORM_EXEMPT, tenantNamespace, tenantPolicies } from '../../tenancy/network-fixtures';
import { FIXTURE_FLEET } from '../fixtures';

const [dev] = FIXTURE_FLEET;

/** The rule on every Namespace among `objects`, as the engine runs it (every object of the environment in context). */
function findingsOf(objects: readonly KubeManifest[]) {
  const context = { environment: { name: dev!.name, tier: dev!.tier }, objects };
  return objects.filter((o) => o.kind === 'Namespace').flatMap((o) => rule.check(o, context));
}

describe('k8s-tenant-network-isolation', () => {
  it('runs on Namespaces in every tier', () => {
    expect(rule.objectTypes).toEqual(['v1/Namespace']);
    for (const tier of ['development', 'staging', 'production'] as const) expect(packFor(tier).kubernetes).toContain(rule);
  });

  it('accepts tenants isolated from each other and from the platform, with DNS and declared egress', () => {
    expect(findingsOf(estateObjects())).toEqual([]);
  });

  it('does not look at namespaces of no tenant', () => {
    const context = { environment: { name: dev!.name, tier: dev!.tier }, objects: [] };
    expect(rule.check(namespace('monitoring'), context)).toEqual([]);
  });

  it('rejects a crafted allow-all policy in a tenant namespace: beta can reach alpha, and alpha every namespace that admits it', () => {
    const allowAll = networkPolicy('beta', 'allow-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [{}] });
    const findings = findingsOf([...estateObjects(), allowAll]);
    const problems = findings.map((f) => f.problem);
    // beta's egress is open: the platform namespaces admit everything, alpha's ingress still refuses.
    expect(problems).toContainEqual(
      expect.stringMatching(
        /namespace beta of tenant beta can open connections to platform namespace argocd .*egress allowed by NetworkPolicy beta\/allow-all; ingress is not isolated/,
      ),
    );
    // beta's ingress is open: alpha's egress still refuses beta, so only beta -> x findings exist.
    expect(findings.every((f) => f.value === 'beta')).toBe(true);
    expect(findings[0]).toMatchObject({ field: 'metadata.name', value: 'beta' });
    expect(findings[0]?.fix).toMatch(/remove or narrow the policies named/);
  });

  it('names both policies when two tenants open towards each other', () => {
    const out = networkPolicy('alpha', 'to-beta', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: { matchLabels: { 'gitops-cdk.io/tenant': 'beta' } } }] }],
    });
    const inn = networkPolicy('beta', 'from-alpha', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'gitops-cdk.io/tenant': 'alpha' } } }] }],
    });
    expect(findingsOf([...estateObjects(), out])).toEqual([]);
    const [leak, ...rest] = findingsOf([...estateObjects(), out, inn]);
    expect(rest).toEqual([]);
    expect(leak?.problem).toMatch(
      /: namespace alpha of tenant alpha can open connections to namespace beta of tenant beta \(alpha pod \{\} -> beta pod \{\} on TCP\/\d+: egress allowed by NetworkPolicy alpha\/to-beta; ingress allowed by NetworkPolicy beta\/from-alpha\)/,
    );
  });

  it('accepts a declared egress to a platform namespace named by its name label on stated ports, and rejects a broad one', () => {
    const toMonitoring = (name: string, to: Record<string, unknown>, ports?: unknown[]) =>
      networkPolicy('alpha', name, { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [to], ...(ports === undefined ? {} : { ports }) }] });
    const byName = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
    expect(findingsOf([...estateObjects(), toMonitoring('tenant-egress-pushgateway', byName, [{ protocol: 'TCP', port: 9091 }])])).toEqual([]);
    const [unported] = findingsOf([...estateObjects(), toMonitoring('tenant-egress-monitoring', byName)]);
    expect(unported?.problem).toMatch(/platform namespace monitoring .*egress allowed by NetworkPolicy alpha\/tenant-egress-monitoring/);
    const everywhere = findingsOf([...estateObjects(), toMonitoring('tenant-egress-all', { namespaceSelector: {} }, [{ protocol: 'TCP', port: 9091 }])]);
    expect(everywhere.map((f) => f.problem)).toContainEqual(expect.stringMatching(/platform namespace argocd .*on TCP\/9091/));
    expect(everywhere.map((f) => f.problem)).toContainEqual(expect.stringMatching(/platform namespace monitoring .*on TCP\/9091/));
  });

  it("rejects a tenant whose namespace Kyverno's default-deny exempts and that renders no deny of its own", () => {
    const objects = [
      kyvernoDefaultDeny([...PLATFORM_EXEMPT, 'beta']),
      namespace('argocd'),
      tenantNamespace('alpha', 'alpha'),
      tenantNamespace('beta', 'beta'),
      ...tenantPolicies('alpha', 'alpha'),
    ];
    const problems = findingsOf(objects).map((f) => f.problem);
    expect(problems).toContainEqual(expect.stringMatching(/namespace beta of tenant beta can open connections to platform namespace argocd .*egress is not isolated/));
    expect(problems.some((p) => /^\S+: namespace alpha /.test(p))).toBe(false);
  });
});
