import { posix } from 'node:path';
import { todayUtc } from '../../constructs/core/calendar';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { policyTestSuite } from '../../constructs/kyverno/policy-test-suite';
import { alertmanagerSuite, routeExpectations } from '../../constructs/monitoring/alertmanager-suite';
import type { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../constructs/monitoring/promtool-suite';
import { KUBERNETES_RULES } from '../../constructs/rules/catalogue';
import { constructValidationResults } from '../../constructs/rules/construct-validation';
import { validationViolations } from '../../constructs/rules/construct-violations';
import { evaluateEstateRules } from '../../constructs/rules/estate/evaluate-estate';
import type { LocatedObject } from '../../constructs/rules/estate/kubernetes-side';
import { evaluateKubernetesRules } from '../../constructs/rules/kubernetes-engine';
import { packFor } from '../../constructs/rules/packs';
import { ResultRecorder } from '../../constructs/rules/result';
import { RequiredSecret } from '../../constructs/secrets/required-secret';
import { inventoryJson, inventoryMarkdown, secretsInventory } from '../../constructs/secrets/secrets-inventory';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { kustomizationYaml, manifestFileName, manifestYaml } from '../../constructs/synth/manifest-file';
import { renderChart } from '../../constructs/synth/render-chart';
import type { EnvironmentSpec } from '../../environments/types';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import { buildKubernetesEstate, type PlacedPolicy } from '../assembly/kubernetes-estate';
import { alertmanagerTestsDir, k8sComponentDir, k8sEnvironmentDir, policyTestDir, prometheusTestsEnvironmentDir, secretsInventoryDir } from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { ruleEnvironment } from './rule-environment';

/**
 * The Kubernetes side of one environment's synth (manifests, policy, promtool and amtool suites),
 * without the Terraform side: what `synthesize` writes for it, for callers that need nothing else.
 */
export function synthesizeKubernetes(
  spec: EnvironmentSpec,
  today: string = todayUtc(),
  exceptions: readonly PolicyExceptionDefinition[] = POLICY_EXCEPTIONS,
  renderManifest: (path: string, manifest: KubeManifest) => string = (_path, manifest) => manifestYaml(manifest),
): EnginePart {
  const estate = buildKubernetesEstate(spec, undefined, { today, exceptions });
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const pack = packFor(spec.tier);
  const environment = ruleEnvironment(spec);
  // The rules of the tier's pack on every object as written; the recorder keeps one result per
  // rule, object and finding (suppressions above the charts are seen once per chart).
  const renderedComponents = estate.components.map((component) => ({ component, rendered: renderChart(component.chart) }));
  // Rules see every object of the environment as companions (a Rollout's AnalysisTemplate).
  const environmentObjects = renderedComponents.flatMap(({ rendered }) => rendered.map((object) => object.manifest));
  const recorder = new ResultRecorder();
  const evaluation = { environment, rules: pack.kubernetes, knownRules: new Set(KUBERNETES_RULES.map((r) => r.id)), today, objects: environmentObjects };
  for (const component of estate.components) for (const result of evaluateKubernetesRules(component.chart, evaluation)) recorder.record(result);
  const constructChecks = constructValidationResults(validationViolations(estate.app.node.findAll(), spec.name), 'kubernetes', '(constructs)');
  const located: LocatedObject[] = [];

  for (const { component, rendered } of renderedComponents) {
    const dir = outputPath(k8sComponentDir(spec.name, component.id));
    const names = rendered.map((o) => manifestFileName(o.manifest, component.fileNames));
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined) {
      throw new Error(`${spec.name}: component ${component.id} renders two objects into ${dir}/${duplicate}; give them distinct names`);
    }
    for (const object of rendered) {
      const name = manifestFileName(object.manifest, component.fileNames);
      const path = `${dir}/${name}`;
      files.set(path, renderManifest(path, object.manifest));
      located.push({ file: `${k8sComponentDir(spec.name, component.id)}/${name}`, object });
    }
    files.set(`${dir}/kustomization.yaml`, kustomizationYaml([...names].sort()));
    summary.push({ environment: spec.name, engine: 'k8s', unit: component.id, files: rendered.length + 1, resources: rendered.length });
  }
  // The root app syncs the environment folder: its kustomization lists the control plane only;
  // cluster content is synced to every cluster by its own ApplicationSet.
  const controlPlane = estate.components.filter((c) => c.scope === 'control-plane').map((c) => c.id);
  files.set(`${outputPath(k8sEnvironmentDir(spec.name))}/kustomization.yaml`, kustomizationYaml([...controlPlane].sort()));

  for (const [path, content] of estate.bootstrap) files.set(outputPath(path), content);
  summary.push({ environment: spec.name, engine: 'k8s', unit: 'bootstrap', files: estate.bootstrap.size, resources: 1 });

  const requiredSecrets = RequiredSecret.of(estate.app);
  addSecretsInventory(spec, requiredSecrets, files);
  addPolicyTestSuites(spec, estate.policies, files, summary);
  addPromtoolSuites(spec, estate.prometheusRules, files, summary);
  addAlertmanagerSuite(spec, files, summary);
  // Estate rules that read Kubernetes output only run here, so a Kubernetes-only synth has them too.
  const kubernetesOnly = pack.estate.filter((rule) => rule.reads.every((engine) => engine === 'kubernetes'));
  const estateInput = { environment, clusters: spec.clusters, objects: located, requiredSecrets, views: [], stackFile: () => '' };
  const results = [...constructChecks, ...recorder.results, ...evaluateEstateRules(kubernetesOnly, estateInput, today)];
  return { files, summary, results, located, requiredSecrets };
}

/**
 * The Secrets the environment reads and does not hold, from the RequiredSecret declarations of its
 * constructs (the rule `estate-secrets-inventory` refuses a reference nothing accounts for).
 */
function addSecretsInventory(spec: EnvironmentSpec, declarations: readonly RequiredSecret[], files: Map<string, string>): void {
  const inventory = secretsInventory(declarations);
  const dir = outputPath(secretsInventoryDir(spec.name));
  files.set(`${dir}/secrets.md`, inventoryMarkdown(spec, inventory));
  files.set(`${dir}/secrets.json`, inventoryJson(spec, inventory));
}

/** One promtool suite (rule file and unit tests) per monitoring domain. */
function addPromtoolSuites(spec: EnvironmentSpec, rules: readonly PrometheusRules[], files: Map<string, string>, summary: SummaryRow[]): void {
  for (const domain of rules) {
    for (const [name, content] of promtoolSuite(domain)) files.set(`${outputPath(prometheusTestsEnvironmentDir(spec.name))}/${domain.domain.name}/${name}`, content);
  }
  const alerts = rules.reduce((n, r) => n + r.domain.alerts.length, 0);
  summary.push({ environment: spec.name, engine: 'promtool', unit: 'prometheus-tests', files: rules.length * 2, resources: alerts });
}

/** The environment's Alertmanager configuration and the routes amtool must resolve. */
function addAlertmanagerSuite(spec: EnvironmentSpec, files: Map<string, string>, summary: SummaryRow[]): void {
  const suite = alertmanagerSuite(spec);
  for (const [name, content] of suite) files.set(`${outputPath(alertmanagerTestsDir(spec.name))}/${name}`, content);
  const routes = routeExpectations(spec).length;
  summary.push({ environment: spec.name, engine: 'amtool', unit: 'alertmanager-tests', files: suite.size, resources: routes });
}

/** One Kyverno CLI suite per policy, pointing at the policy file synthesized above. */
function addPolicyTestSuites(spec: EnvironmentSpec, policies: readonly PlacedPolicy[], files: Map<string, string>, summary: SummaryRow[]): void {
  let count = 0;
  for (const { policy, component } of policies) {
    const dir = policyTestDir(spec.name, policy.definition.name);
    const manifest = `${k8sComponentDir(spec.name, component)}/${manifestFileName({ apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy', metadata: { name: policy.definition.name } })}`;
    for (const [name, content] of policyTestSuite(policy, posix.relative(dir, manifest))) {
      files.set(`${outputPath(dir)}/${name}`, content);
      count += 1;
    }
  }
  const cases = policies.reduce((n, p) => n + p.policy.definition.cases.length, 0);
  summary.push({ environment: spec.name, engine: 'kyverno-test', unit: 'policy-tests', files: count, resources: cases });
}
