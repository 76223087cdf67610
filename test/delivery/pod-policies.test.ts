import type { IContainer } from 'kubernetes-models/v1/Container';
import type { DeliveredWorkloadSpec, Tier } from '../../environments/types';
import { PODINFO_DEV, PODINFO_PROD, PODINFO_STAGING } from '../../environments/workloads/podinfo';
import { LATEST_CATALOG_RELEASE, policiesAt } from '../../policies';
import { compliantContainer, pod } from '../../policies/support/resources';
import { PLATFORM_POLICY_EXEMPT_NAMESPACES } from '../../policies/support/scope';
import { TRUSTED_REGISTRIES } from '../../policies/support/trust';
import { fixtureWorkload } from '../support/fixture-workload';
import { rolloutSpecIn } from './render-workload';

/**
 * The Rollout kind is outside Kyverno's autogen (kyverno v1.19.1 pkg/autogen/v1/autogen.go), so the
 * estate's Pod policies judge its pods only when the controller creates them. These hold the pod
 * template to what the catalog's own compliant pod (policies/support/resources.ts, from which every
 * policy's passing case starts) has, field by field.
 */
/** The labels the latest catalog's require-labels pattern wants on every pod (`?*`: non-empty). */
function requiredPodLabels(): string[] {
  const policy = policiesAt(LATEST_CATALOG_RELEASE).find((p) => p.name === 'require-labels');
  const rule = policy?.rules[0];
  const pattern = rule !== undefined && 'check' in rule ? (rule.check as { pattern?: { metadata?: { labels?: Record<string, string> } } }).pattern : undefined;
  return Object.keys(pattern?.metadata?.labels ?? {});
}

const COMPLIANT_POD_SECURITY = (pod('reference').spec as { securityContext: Record<string, unknown> }).securityContext;
const COMPLIANT_CONTAINER_SECURITY = compliantContainer().securityContext as Record<string, unknown>;

const cases: readonly [string, Tier, DeliveredWorkloadSpec][] = [
  ['fixture workload (development)', 'development', fixtureWorkload()],
  ['fixture workload (production, blue-green)', 'production', fixtureWorkload({ strategy: 'blueGreen' })],
  ['podinfo dev', 'development', PODINFO_DEV],
  ['podinfo staging', 'staging', PODINFO_STAGING],
  ['podinfo prod', 'production', PODINFO_PROD],
];

describe.each(cases)("the pod template of %s meets the estate's pod policies", (_, tier, workload) => {
  const template = rolloutSpecIn(tier, workload).template;
  const podSpec = template.spec;
  const containers: IContainer[] = podSpec?.containers ?? [];

  it('is in a tenant namespace, where the policies apply', () => {
    expect(PLATFORM_POLICY_EXEMPT_NAMESPACES).not.toContain(workload.namespace);
  });

  it('runs non-root with RuntimeDefault seccomp at pod level (require-run-as-non-root, pod-security-restricted)', () => {
    expect(podSpec?.securityContext).toEqual(expect.objectContaining(COMPLIANT_POD_SECURITY));
    expect(podSpec?.securityContext?.runAsUser).toBeGreaterThan(0);
  });

  it('gives every container the security context of the compliant container: no escalation, no capabilities, read-only root', () => {
    for (const container of containers) expect(container.securityContext).toEqual(COMPLIANT_CONTAINER_SECURITY);
  });

  it('pulls from a trusted registry, never by latest (allowed-image-registries, disallow-latest-tag)', () => {
    for (const { image = '' } of containers) {
      expect(TRUSTED_REGISTRIES.some((prefix) => image.startsWith(prefix))).toBe(true);
      expect(image).toMatch(/:/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('sets requests and a memory limit, and both probes (require-requests-limits, require-probes)', () => {
    for (const container of containers) {
      expect([container.resources?.requests?.cpu, container.resources?.requests?.memory, container.resources?.limits?.memory].every((q) => typeof q === 'string' && q !== '')).toBe(
        true,
      );
      expect(container.livenessProbe?.httpGet).toBeDefined();
      expect(container.readinessProbe?.httpGet).toBeDefined();
    }
  });

  it('carries every label require-labels wants, non-empty, and mounts emptyDir volumes only (restricted volume types)', () => {
    const labels = template.metadata?.labels ?? {};
    expect(requiredPodLabels()).toEqual(expect.arrayContaining(['owner', 'cost-centre', 'env']));
    for (const label of requiredPodLabels()) expect(labels[label]).toMatch(/.+/);
    for (const volume of podSpec?.volumes ?? []) expect(Object.keys(volume).sort()).toEqual(['emptyDir', 'name']);
    expect(podSpec?.hostNetwork ?? false).toBe(false);
  });
});
