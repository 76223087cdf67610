import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KUBERNETES_RULES } from '../../constructs/rules/catalogue';
import { k8sTenantNetworkIsolation } from '../../constructs/rules/kubernetes/k8s-tenant-network-isolation';
import { evaluateKubernetesRules, objectName } from '../../constructs/rules/kubernetes-engine';
import { packFor } from '../../constructs/rules/packs';
import { violationOf } from '../../constructs/rules/refusal-entries';
import { ResultRecorder, type RuleResult } from '../../constructs/rules/result';
import { suppressCompliance } from '../../constructs/rules/suppressions';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../environments/types';
import { dev, prod } from './fixtures';

const TODAY = '2026-03-01';

function chartWith(objects: Record<string, Record<string, unknown>>) {
  const app = new App({ outdir: 'cdk8s.out' });
  const env = new Construct(app, prod.name);
  const chart = new Chart(env, 'config');
  for (const [id, manifest] of Object.entries(objects)) new ApiObject(chart, id, manifest as { apiVersion: string; kind: string });
  return { app, env, chart };
}

/**
 * Runs the pack of the spec's tier on the chart, as the synth does, but the tenant rules that read
 * every Namespace (and pass those of no tenant): these tests follow the Pod Security rule's results
 * on the same Namespaces; the tenant rules have their own tests under test/rules/kubernetes/.
 */
function evaluate(chart: Chart, spec: EnvironmentSpec): RuleResult[] {
  const rules = packFor(spec.tier).kubernetes.filter((rule) => rule.id !== 'k8s-tenant-namespace-isolation' && rule !== k8sTenantNetworkIsolation);
  return evaluateKubernetesRules(chart, { environment: { name: spec.name, tier: spec.tier }, rules, knownRules: new Set(KUBERNETES_RULES.map((r) => r.id)), today: TODAY });
}

const namespace = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const enforced = (name: string) => namespace(name, { 'pod-security.kubernetes.io/enforce': 'baseline' });

describe('evaluateKubernetesRules', () => {
  it('records a pass for every rule on every object it applies to, located at the object', () => {
    const { chart } = chartWith({ kyverno: enforced('kyverno') });
    expect(evaluate(chart, prod)).toEqual([
      expect.objectContaining({
        environment: prod.name,
        engine: 'kubernetes',
        unit: 'config',
        resource: 'Namespace/kyverno',
        path: `${prod.name}/config/kyverno`,
        rule: 'k8s-namespace-pod-security',
        status: 'pass',
      }),
    ]);
  });

  it('returns each failure as a structured result, rendered for the user without any parsing', () => {
    const { chart } = chartWith({ kyverno: namespace('kyverno') });
    const [result, ...rest] = evaluate(chart, prod);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ status: 'fail', level: 'error', rule: 'k8s-namespace-pod-security', field: 'metadata.labels', value: 'missing' });
    expect(violationOf(result!)).toEqual({
      environment: prod.name,
      path: `${prod.name}/config/kyverno`,
      field: 'metadata.labels',
      value: 'missing',
      problem: expect.stringMatching(/^Namespace\/kyverno: the namespace has no .* \[k8s-namespace-pod-security\]$/),
      fix: expect.stringContaining('baseline'),
    });
  });

  it('runs the rules of the pack of the environment tier only', () => {
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'root', namespace: 'argocd' },
      spec: { project: 'platform', source: { repoURL: 'https://x', path: '.', targetRevision: 'v1.2.3' }, syncPolicy: { automated: { prune: true } } },
    };
    const inDev = chartWith({ root: application });
    expect(evaluate(inDev.chart, dev).filter((r) => r.status !== 'pass')).toEqual([]);
    const inProd = chartWith({ root: application });
    const failures = evaluate(inProd.chart, prod).filter((r) => r.status === 'fail');
    expect(failures.map((r) => `${r.field} is ${r.value}; ${r.resource}`)).toEqual(['spec.syncPolicy.automated.prune is true; Application/argocd/root']);
  });

  it('records a suppressed failure, which refuses nothing', () => {
    const { chart } = chartWith({ kyverno: namespace('kyverno') });
    suppressCompliance(chart.node.findChild('kyverno'), [{ rule: 'k8s-namespace-pod-security', reason: 'the CNI owns this namespace', expires: '2026-12-31' }]);
    expect(evaluate(chart, prod)).toEqual([
      expect.objectContaining({
        status: 'suppressed',
        suppression: { reason: 'the CNI owns this namespace', expires: '2026-12-31' },
        problem: expect.stringContaining('no pod-security'),
      }),
    ]);
  });

  it('fails an invalid suppression on an ancestor once, and lets the finding fail too', () => {
    const { env, chart } = chartWith({ kyverno: namespace('kyverno') });
    suppressCompliance(env, [{ rule: 'k8s-namespace-pod-security', reason: 'n/a', expires: '2026-12-31' }]);
    const results = evaluate(chart, prod);
    const recorder = new ResultRecorder();
    for (const r of [...results, ...evaluate(chart, prod)]) recorder.record(r);
    expect(recorder.results.map((r) => `${r.rule} ${r.unit} ${r.status}`)).toEqual(['compliance-suppression (all components) fail', 'k8s-namespace-pod-security config fail']);
    const suppression = results.find((r) => r.rule === 'compliance-suppression')!;
    expect(violationOf(suppression)).toMatchObject({
      path: prod.name,
      field: 'suppressions[0].reason',
      value: '"n/a"',
      problem: expect.stringMatching(/^the suppression of k8s-namespace-pod-security .* \[compliance-suppression\]$/),
    });
  });

  it('gives the same results when evaluated again (the recorder keeps one per rule, object and finding)', () => {
    const { chart } = chartWith({ kyverno: enforced('kyverno') });
    const recorder = new ResultRecorder();
    for (const r of [...evaluate(chart, prod), ...evaluate(chart, prod)]) recorder.record(r);
    expect(recorder.results).toHaveLength(1);
  });

  it('names objects kind/name or kind/namespace/name', () => {
    expect(objectName({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kyverno' } } as KubeManifest)).toBe('Namespace/kyverno');
    expect(objectName({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'argocd' } } as KubeManifest)).toBe('Secret/argocd/x');
  });
});
