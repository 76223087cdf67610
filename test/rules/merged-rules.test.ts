import { ApiObject, App, Chart } from 'cdk8s';
import { synthesizeKubernetes } from '../../apps/synth/synthesize-kubernetes';
import { KUBERNETES_RULES } from '../../constructs/rules/catalogue';
import { evaluateKubernetesRules } from '../../constructs/rules/kubernetes-engine';
import { packFor } from '../../constructs/rules/packs';
import { blockingResults } from '../../constructs/rules/result';
import { prod } from './fixtures';

/** The prod pack on one chart of hand-written objects: each problem must be refused once. */
function refusalsOf(objects: Record<string, Record<string, unknown>>) {
  const chart = new Chart(new App({ outdir: 'cdk8s.out' }), 'fixture');
  for (const [id, manifest] of Object.entries(objects)) new ApiObject(chart, id, manifest as { apiVersion: string; kind: string });
  const evaluation = {
    environment: { name: 'prod', tier: 'production' as const },
    rules: packFor('production').kubernetes,
    knownRules: new Set(KUBERNETES_RULES.map((r) => r.id)),
    today: '2026-03-01',
  };
  return blockingResults(evaluateKubernetesRules(chart, evaluation)).map((r) => `${r.rule} ${r.field}`);
}

describe('merged rules refuse each problem exactly once', () => {
  it('auto-prune in production: k8s-prod-no-auto-prune only', () => {
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'x', namespace: 'argocd' },
      spec: { project: 'platform', source: { repoURL: 'https://x', chart: 'x', targetRevision: '1.2.3' }, syncPolicy: { automated: { prune: true } } },
    };
    expect(refusalsOf({ application })).toEqual(['k8s-prod-no-auto-prune spec.syncPolicy.automated.prune']);
  });

  it('Kyverno in Audit in production: k8s-prod-kyverno-enforce only', () => {
    const policy = {
      apiVersion: 'kyverno.io/v1',
      kind: 'ClusterPolicy',
      metadata: { name: 'p' },
      spec: { webhookConfiguration: { failurePolicy: 'Fail' }, rules: [{ name: 'r', validate: { failureAction: 'Audit', pattern: {} } }] },
    };
    expect(refusalsOf({ policy })).toEqual(['k8s-prod-kyverno-enforce spec.rules[0].validate.failureAction']);
  });

  it('a plaintext Secret: k8s-no-plaintext-secrets only', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'apps' }, data: { password: 'aHVudGVyMg==' } };
    expect(refusalsOf({ secret })).toEqual(['k8s-no-plaintext-secrets data']);
  });

  it('refuses each pruning Application of a synthesized production environment once', () => {
    const results = blockingResults(synthesizeKubernetes({ ...prod, sync: { ...prod.sync, prune: true } }, '2026-12-03').results);
    const prune = results.filter((r) => r.field?.endsWith('syncPolicy.automated.prune'));
    expect(prune.length).toBeGreaterThan(0);
    expect(new Set(prune.map((r) => r.rule))).toEqual(new Set(['k8s-prod-no-auto-prune']));
    expect(new Set(prune.map((r) => `${r.path} ${r.field}`)).size).toBe(prune.length);
  }, 60_000);
});
