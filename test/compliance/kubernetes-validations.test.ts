import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { addKubernetesComplianceValidations, objectName } from '../../constructs/compliance/kubernetes-validations';
import { ComplianceRecorder } from '../../constructs/compliance/result';
import { suppressCompliance } from '../../constructs/compliance/suppressions';
import { validationViolations } from '../../constructs/guardrails/construct-violations';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { dev, prod } from './fixtures';

const TODAY = '2026-03-01';

function chartWith(objects: Record<string, Record<string, unknown>>) {
  const app = new App({ outdir: 'cdk8s.out' });
  const env = new Construct(app, 'prod');
  const chart = new Chart(env, 'config');
  for (const [id, manifest] of Object.entries(objects)) new ApiObject(chart, id, manifest as { apiVersion: string; kind: string });
  return { app, env, chart };
}

const namespace = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
const enforced = (name: string) => namespace(name, { 'pod-security.kubernetes.io/enforce': 'baseline' });

describe('addKubernetesComplianceValidations', () => {
  it('records a pass for every rule on every object it applies to, located at the object', () => {
    const { chart } = chartWith({ kyverno: enforced('kyverno') });
    const recorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(chart, prod, recorder, TODAY);
    expect(chart.node.validate()).toEqual([]);
    expect(recorder.results).toEqual([
      expect.objectContaining({
        environment: 'prod',
        engine: 'kubernetes',
        unit: 'config',
        resource: 'Namespace/kyverno',
        path: 'prod/config/kyverno',
        rule: 'k8s-namespace-pod-security',
        status: 'pass',
      }),
    ]);
  });

  it('returns each error failure as a message the synth parses into a violation', () => {
    const { app, chart } = chartWith({ kyverno: namespace('kyverno') });
    const recorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(chart, prod, recorder, TODAY);
    const [violation, ...rest] = validationViolations(app.node.findAll(), 'prod');
    expect(rest).toEqual([]);
    expect(violation).toEqual({
      environment: 'prod',
      path: 'prod/config',
      field: 'metadata.labels',
      value: 'missing',
      problem: expect.stringMatching(/^Namespace\/kyverno \(prod\/config\/kyverno\): the namespace has no .* \[k8s-namespace-pod-security\]$/),
      fix: expect.stringContaining('baseline'),
    });
    expect(recorder.results.map((r) => r.status)).toEqual(['fail']);
  });

  it('runs the rules of the environment tier only', () => {
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'root', namespace: 'argocd' },
      spec: { project: 'platform', syncPolicy: { automated: { prune: true } } },
    };
    const inDev = chartWith({ root: application });
    const devRecorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(inDev.chart, dev, devRecorder, TODAY);
    expect(inDev.chart.node.validate()).toEqual([]);
    expect(devRecorder.results).toEqual([]);
    const inProd = chartWith({ root: application });
    const prodRecorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(inProd.chart, prod, prodRecorder, TODAY);
    expect(inProd.chart.node.validate()).toEqual([expect.stringMatching(/^spec\.syncPolicy\.automated\.prune is true; Application\/argocd\/root/)]);
  });

  it('records a suppressed failure and returns no message for it', () => {
    const { chart } = chartWith({ kyverno: namespace('kyverno') });
    suppressCompliance(chart.node.findChild('kyverno'), [{ rule: 'k8s-namespace-pod-security', reason: 'the CNI owns this namespace', expires: '2026-12-31' }]);
    const recorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(chart, prod, recorder, TODAY);
    expect(chart.node.validate()).toEqual([]);
    expect(recorder.results).toEqual([
      expect.objectContaining({ status: 'suppressed', suppression: { reason: 'the CNI owns this namespace', expires: '2026-12-31' }, problem: expect.stringContaining('no pod-security') }),
    ]);
  });

  it('fails an invalid suppression on an ancestor once, and lets the finding fail too', () => {
    const { env, chart } = chartWith({ kyverno: namespace('kyverno') });
    suppressCompliance(env, [{ rule: 'k8s-namespace-pod-security', reason: 'n/a', expires: '2026-12-31' }]);
    const recorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(chart, prod, recorder, TODAY);
    const messages = chart.node.validate();
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/^suppressions\[0\]\.reason is "n\/a"; prod \(prod\): .* \[compliance-suppression\] \(fix: /);
    expect(recorder.results.map((r) => `${r.rule} ${r.unit} ${r.status}`)).toEqual(['compliance-suppression (all components) fail', 'k8s-namespace-pod-security config fail']);
  });

  it('replaces its results when validated again', () => {
    const { chart } = chartWith({ kyverno: enforced('kyverno') });
    const recorder = new ComplianceRecorder();
    addKubernetesComplianceValidations(chart, prod, recorder, TODAY);
    chart.node.validate();
    chart.node.validate();
    expect(recorder.results).toHaveLength(1);
  });

  it('names objects kind/name or kind/namespace/name', () => {
    expect(objectName({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kyverno' } } as KubeManifest)).toBe('Namespace/kyverno');
    expect(objectName({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'argocd' } } as KubeManifest)).toBe('Secret/argocd/x');
  });
});
