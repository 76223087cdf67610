import { parse } from 'yaml';
import { MANAGEMENT_POLICIES_COMPONENT } from '../../apps/assembly/kubernetes-estate';
import { synthesizeKubernetes } from '../../apps/synth/synthesize-kubernetes';
import { POLICY_ANNOTATIONS, POLICY_CANARY_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import { compareReleases } from '../../constructs/kyverno/catalog-release';
import type { Rule } from '../../constructs/kyverno/types';
import type { EnvironmentSpec } from '../../environments/types';
import { policiesAt } from '../../policies';
import { manifestsOf, objectsOf } from '../platform/render-environment';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

// Which policies (name@revision) each environment runs. Promoting a catalog release or adding a
// policy changes this table on purpose, in the same commit.
/** Policies whose newest revision is at most 1.1.0: the same in releases 1.1.0 and 1.2.0. */
const UNCHANGED_SINCE_1_1_0 = [
  'add-default-network-policy@1.1.0',
  'add-default-resource-quota@1.1.0',
  'allowed-image-registries@1.0.0',
  'argocd-applications-no-default-project@1.1.0',
  'disallow-host-namespaces@1.0.0',
  'disallow-host-path@1.1.0',
  'disallow-latest-tag@1.0.0',
  'pod-security-baseline@1.0.0',
  'pod-security-restricted@1.1.0',
  'protect-namespaces-from-deletion@1.1.0',
  'require-probes@1.1.0',
  'require-run-as-non-root@1.1.0',
  'restrict-service-types@1.1.0',
];

const RELEASE_1_1_0 = [...UNCHANGED_SINCE_1_1_0, 'require-labels@1.0.0', 'require-requests-limits@1.0.0'];

const RELEASE_1_2_0 = [
  ...UNCHANGED_SINCE_1_1_0,
  'add-default-pod-security-context@1.2.0',
  'require-labels@1.2.0',
  'require-requests-limits@1.2.0',
  'verify-image-signatures@1.2.0',
];

const INVENTORY: Readonly<Record<string, readonly string[]>> = {
  lab: RELEASE_1_2_0,
  stage: RELEASE_1_2_0,
  live: RELEASE_1_1_0,
};

/** Policies on kinds whose CRDs exist only where Argo CD runs. */
const MANAGEMENT_ONLY = ['argocd-applications-no-default-project'];

const CANARY_OVERRIDE = [{ action: 'Enforce', namespaceSelector: { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } } }];

/** The failure actions a rule carries: validate's with its overrides, or each image check's. */
function actionsOf(rule: Rule): { action: string; overrides?: unknown }[] {
  if (rule.validate) return [{ action: rule.validate.failureAction, overrides: rule.validate.failureActionOverrides }];
  return (rule.verifyImages ?? []).map((v) => ({ action: v.failureAction }));
}

// The Kubernetes side of each environment's synth (the suites are written there; no Terraform).
const synthesized = { files: new Map(ENVIRONMENTS.flatMap((spec) => [...synthesizeKubernetes(spec).files])) };

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (name, spec: EnvironmentSpec) => {
  const policies = manifestsOf(objectsOf(spec), 'ClusterPolicy');
  const rulesOf = (policy: (typeof policies)[number]) => (policy.spec as { rules: Rule[] }).rules;
  const releaseOf = (policy: (typeof policies)[number]) => policy.metadata.annotations![POLICY_ANNOTATIONS.release]!;

  it('runs the pinned catalog release: the inventory of this environment', () => {
    expect(policies.map((p) => `${p.metadata.name}@${releaseOf(p)}`).sort()).toEqual([...INVENTORY[name]!].sort());
    expect(policies.map((p) => p.metadata.name).sort()).toEqual(
      policiesAt(spec.kyverno.catalog)
        .map((p) => p.name)
        .sort(),
    );
  });

  it('applies the failure action its lifecycle stage gives each policy', () => {
    for (const policy of policies) {
      const stage = policy.metadata.annotations![POLICY_ANNOTATIONS.stage];
      const rules = rulesOf(policy);
      const validates = rules.filter((r) => r.validate).flatMap(actionsOf);
      const images = rules.filter((r) => r.verifyImages).flatMap(actionsOf);
      switch (spec.kyverno.mode) {
        case 'audit':
          expect([policy.metadata.name, stage]).toEqual([policy.metadata.name, 'audit']);
          for (const a of [...validates, ...images]) expect(a.action).toBe('Audit');
          for (const a of validates) expect(a.overrides).toBeUndefined();
          break;
        case 'enforce':
          expect([policy.metadata.name, stage]).toEqual([policy.metadata.name, 'enforce']);
          for (const a of [...validates, ...images]) expect(a.action).toBe('Enforce');
          for (const a of validates) expect(a.overrides).toBeUndefined();
          break;
        case 'canary': {
          const passed = spec.kyverno.canaryPassed !== undefined && compareReleases(releaseOf(policy), spec.kyverno.canaryPassed) <= 0;
          expect([policy.metadata.name, stage]).toEqual([policy.metadata.name, passed ? 'enforce' : 'canary']);
          for (const a of validates) expect(a).toEqual(passed ? { action: 'Enforce', overrides: undefined } : { action: 'Audit', overrides: CANARY_OVERRIDE });
          // Image checks have no overrides: a canary splits them into an enforcing and an auditing rule.
          if (!passed && images.length > 0) expect(images.map((a) => a.action).sort()).toEqual(['Audit', 'Enforce']);
          break;
        }
      }
    }
  });

  it(`fails ${spec.tier === 'production' ? 'closed' : 'open'} when Kyverno cannot answer`, () => {
    for (const policy of policies) {
      const failurePolicy = (policy.spec as { webhookConfiguration: { failurePolicy: string } }).webhookConfiguration.failurePolicy;
      expect([policy.metadata.name, failurePolicy]).toEqual([policy.metadata.name, spec.tier === 'production' ? 'Fail' : 'Ignore']);
    }
  });

  it('scans existing resources in the background, except rules that read admission data', () => {
    for (const policy of policies) {
      const background = (policy.spec as { background: boolean }).background;
      const readsRequest = JSON.stringify(rulesOf(policy)).includes('request.operation');
      expect([policy.metadata.name, background]).toEqual([policy.metadata.name, !readsRequest]);
    }
  });

  it('emits a Kyverno CLI test suite per policy that tests the synthesized policy file', () => {
    const { files } = synthesized;
    for (const policy of policies) {
      const test = parse(files.get(`policy-tests/${name}/${policy.metadata.name}/kyverno-test.yaml`)!) as { policies: string[]; results: unknown[] };
      const folder = MANAGEMENT_ONLY.includes(policy.metadata.name) ? MANAGEMENT_POLICIES_COMPONENT : 'policies';
      expect(test.policies).toEqual([`../../../k8s/${name}/${folder}/clusterpolicy-${policy.metadata.name}.yaml`]);
      expect(files.has(`k8s/${name}/${folder}/clusterpolicy-${policy.metadata.name}.yaml`)).toBe(true);
      // Generate rules keep only their pass case in the CLI suite (see cliCases).
      expect(test.results.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('syncs policies on Argo CD kinds to the management cluster only, where their CRDs exist', () => {
    const { files } = synthesized;
    const everywhere = [...files.keys()].filter((f) => f.startsWith(`k8s/${name}/policies/clusterpolicy-`));
    const management = [...files.keys()].filter((f) => f.startsWith(`k8s/${name}/${MANAGEMENT_POLICIES_COMPONENT}/clusterpolicy-`));
    expect(management.map((f) => f.split('clusterpolicy-')[1])).toEqual(MANAGEMENT_ONLY.map((p) => `${p}.yaml`));
    expect(everywhere.some((f) => MANAGEMENT_ONLY.some((p) => f.endsWith(`${p}.yaml`)))).toBe(false);
    const managementCluster = spec.clusters.find((c) => c.role === 'management')!.name;
    const sync = parse(files.get(`k8s/${name}/sync/application-${managementCluster}-policies-management-sync.yaml`)!) as {
      spec: { destination: { server: string }; source: { path: string } };
    };
    // The management cluster by its in-cluster address (constructs/argocd/cluster-registration.ts).
    expect(sync.spec.destination.server).toBe('https://kubernetes.default.svc');
    expect(sync.spec.source.path).toBe(`dist/k8s/${name}/${MANAGEMENT_POLICIES_COMPONENT}`);
  });
});
