import type { EnvironmentSpec } from '../../environments/types';
import { shapeViolations, validateEnvironments } from '../spec/validate';
import { validateExceptionEnvironments } from '../spec/validate-exceptions';
import { validateKubernetesSupport } from '../spec/validate-kubernetes-support';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { KUBERNETES_GUARDRAILS } from '../../constructs/guardrails';
import { validationViolations } from '../../constructs/guardrails/construct-violations';
import { runGuardrails } from '../../constructs/guardrails/run-guardrails';
import { SynthRefusedError, type Violation } from '../../constructs/guardrails/violation';
import { todayUtc } from '../../constructs/core/calendar';
import { buildKubernetesEstate } from '../assembly/kubernetes-estate';
import { posix } from 'node:path';
import { policyTestSuite } from '../../constructs/kyverno/policy-test-suite';
import {
  alertmanagerTestsDir,
  bootstrapDir,
  COMPLIANCE_DIR,
  DIST_DIR,
  k8sComponentDir,
  k8sEnvironmentDir,
  policyTestDir,
  policyTestsEnvironmentDir,
  prometheusTestsEnvironmentDir,
  secretsInventoryDir,
  terraformEnvironmentDir,
  terraformStackDir,
} from './dist-layout';
import { buildTerraformEstate, type TerraformStackEntry } from '../assembly/terraform-estate';
import { renderStack } from '../../constructs/terraform/render-stack';
import {
  addKubernetesComplianceValidations,
  COMPLIANCE_RULES,
  ComplianceRecorder,
  type ComplianceResult,
  complianceReport,
  complianceViolations,
  evaluateTerraformCompliance,
} from '../../constructs/compliance';
import type { PlacedPolicy } from '../assembly/kubernetes-estate';
import type { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../constructs/monitoring/promtool-suite';
import { alertmanagerSuite, routeExpectations } from '../../constructs/monitoring/alertmanager-suite';
import type { RenderedObject } from '../../constructs/synth/kube-manifest';
import { kustomizationYaml, manifestFileName, manifestYaml } from '../../constructs/synth/manifest-file';
import { renderChart } from '../../constructs/synth/render-chart';
import type { IConstruct } from 'constructs';
import { RequiredSecret } from '../../constructs/secrets/required-secret';
import { inventoryJson, inventoryMarkdown, secretInventoryViolations, secretsInventory } from '../../constructs/secrets/secrets-inventory';
import { crossEngineViolations } from '../../constructs/guardrails/cross-engine/cross-engine-consistency';
import type { LocatedObject } from '../../constructs/guardrails/cross-engine/kubernetes-side';
import { terraformViewsOf } from '../../constructs/compliance/terraform-views';
import { remoteStateViewsOf } from '../../constructs/guardrails/cross-engine/remote-state-views';
import type { TerraformResourceView } from '../../constructs/compliance/types';

/** One row of the synth summary: a Kubernetes component or a Terraform stack. */
export interface SummaryRow {
  readonly environment: string;
  readonly engine: 'k8s' | 'kyverno-test' | 'promtool' | 'amtool' | 'terraform';
  readonly unit: string;
  readonly files: number;
  readonly resources: number;
}

export interface SynthOutput {
  /** Path relative to the output folder (`k8s/dev/projects/appproject-platform.yaml`) to content. */
  readonly files: ReadonlyMap<string, string>;
  readonly summary: readonly SummaryRow[];
  /** The subtrees these files replace: a partial synth (`--env`) leaves the others alone. */
  readonly ownedDirs: readonly string[];
  /** Problems that do not refuse the synth yet (a Kubernetes version near its end of support). */
  readonly warnings: readonly Violation[];
}

export interface SynthesizeOptions {
  /** Today in UTC (`YYYY-MM-DD`), for policy exception expiry; defaults to the real date. */
  readonly today?: string;
  /** The granted policy exceptions. @default POLICY_EXCEPTIONS (policies/exceptions) */
  readonly exceptions?: readonly PolicyExceptionDefinition[];
}

/**
 * Synthesizes the given environments entirely in memory: validate every spec and every exception,
 * build both engines' construct trees, run the guardrails, render files. Throws `SynthRefusedError`
 * with every violation of every environment when anything is wrong; nothing is written here.
 */
export async function synthesize(
  specs: readonly EnvironmentSpec[],
  all: readonly EnvironmentSpec[] = specs,
  options: SynthesizeOptions = {},
): Promise<SynthOutput> {
  // Every spec is validated, also on `--env`: the estate is one program, and cross-environment
  // checks (unique names, a cluster in one environment only) need all of them anyway.
  const today = options.today ?? todayUtc();
  const support = validateKubernetesSupport(
    all.filter((spec) => shapeViolations(spec).length === 0),
    today,
  );
  const violations: Violation[] = [
    ...validateEnvironments(all),
    ...validateExceptionEnvironments(options.exceptions ?? POLICY_EXCEPTIONS, all),
    ...support.errors,
  ];
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const compliance: ComplianceResult[] = [];
  for (const spec of specs) {
    // One report of every problem: an environment whose spec has problems is still built, so
    // that its exception, guardrail and suppression problems come in the same report. Only a spec
    // of the wrong shape is not (the constructs would fail on it with a TypeError), and a build
    // that fails on a spec already refused adds nothing to the report.
    if (shapeViolations(spec).length > 0) continue;
    const refused = violations.some((v) => v.environment === spec.name);
    const parts = await synthesizeEnvironment(spec, today, options.exceptions).catch((error: unknown) => {
      if (refused) return [];
      throw error;
    });
    for (const part of parts) {
      violations.push(...part.violations);
      summary.push(...part.summary);
      compliance.push(...part.compliance);
      for (const [path, content] of part.files) files.set(path, content);
    }
  }
  if (violations.length > 0) throw new SynthRefusedError(violations);
  // The report covers the whole estate: a partial synth (`--env`) leaves it as it is.
  const whole = specs.length === all.length;
  if (whole) {
    const report = complianceReport(compliance, COMPLIANCE_RULES);
    files.set(`${outputPath(COMPLIANCE_DIR)}/report.json`, report.json);
    files.set(`${outputPath(COMPLIANCE_DIR)}/report.md`, report.markdown);
  }
  return {
    files,
    summary,
    warnings: support.warnings,
    ownedDirs: [
      ...specs.flatMap((s) => [
        outputPath(k8sEnvironmentDir(s.name)),
        outputPath(bootstrapDir(s.name)),
        outputPath(policyTestsEnvironmentDir(s.name)),
        outputPath(prometheusTestsEnvironmentDir(s.name)),
        outputPath(alertmanagerTestsDir(s.name)),
        outputPath(secretsInventoryDir(s.name)),
        outputPath(terraformEnvironmentDir(s.name)),
      ]),
      ...(whole ? [outputPath(COMPLIANCE_DIR)] : []),
    ],
  };
}

async function synthesizeEnvironment(
  spec: EnvironmentSpec,
  today: string,
  exceptions: readonly PolicyExceptionDefinition[] | undefined,
): Promise<EnginePart[]> {
  const k8s = synthesizeKubernetes(spec, today, exceptions);
  const terraform = await synthesizeTerraform(spec, today);
  // What one engine names, the other must create: checked on both engines' output together.
  const crossEngine: EnginePart = {
    files: new Map(),
    summary: [],
    compliance: [],
    violations: crossEngineViolations({
      spec,
      objects: k8s.located ?? [],
      views: terraform.views ?? [],
      stackFile: (stack) => `${terraformStackDir(spec.name, stack)}/main.tf`,
    }),
  };
  return [k8s, terraform, crossEngine];
}

/** The layout speaks in repository paths (what Argo CD reads); files are keyed below `dist/`. */
function outputPath(repositoryPath: string): string {
  return repositoryPath.slice(DIST_DIR.length + 1);
}

/** One engine's share of a synth: its files, summary rows, violations and compliance results. */
export interface EnginePart {
  readonly files: Map<string, string>;
  readonly summary: SummaryRow[];
  readonly violations: Violation[];
  readonly compliance: readonly ComplianceResult[];
  /** Kubernetes: every object with the file it is written to, for the cross-engine check. */
  readonly located?: readonly LocatedObject[];
  /** Terraform: every block of every stack, for the cross-engine check. */
  readonly views?: readonly TerraformResourceView[];
}

/**
 * The Kubernetes side of one environment's synth (manifests, policy, promtool and amtool suites),
 * without the Terraform side: what `synthesize` writes for it, for callers that need nothing else.
 */
export function synthesizeKubernetes(
  spec: EnvironmentSpec,
  today: string = todayUtc(),
  exceptions: readonly PolicyExceptionDefinition[] = POLICY_EXCEPTIONS,
): EnginePart {
  const estate = buildKubernetesEstate(spec, undefined, { today, exceptions });
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  // Compliance rules run as chart validations: failing errors come back with the others below.
  const recorder = new ComplianceRecorder();
  for (const component of estate.components) addKubernetesComplianceValidations(component.chart, spec, recorder, today);
  const violations: Violation[] = validationViolations(estate.app.node.findAll(), spec.name);
  const objects: RenderedObject[] = [];
  const located: LocatedObject[] = [];

  for (const component of estate.components) {
    const rendered = renderChart(component.chart);
    objects.push(...rendered);
    const dir = outputPath(k8sComponentDir(spec.name, component.id));
    const names = rendered.map((o) => manifestFileName(o.manifest));
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined) {
      throw new Error(`${spec.name}: component ${component.id} renders two objects into ${dir}/${duplicate}; give them distinct names`);
    }
    for (const object of rendered) {
      files.set(`${dir}/${manifestFileName(object.manifest)}`, manifestYaml(object.manifest));
      located.push({ file: `${k8sComponentDir(spec.name, component.id)}/${manifestFileName(object.manifest)}`, object });
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

  violations.push(...runGuardrails(KUBERNETES_GUARDRAILS, objects, spec));
  addSecretsInventory(spec, estate.app, objects, files, violations);
  addPolicyTestSuites(spec, estate.policies, files, summary);
  addPromtoolSuites(spec, estate.prometheusRules, files, summary);
  addAlertmanagerSuite(spec, files, summary);
  return { files, summary, violations, compliance: recorder.results, located };
}

/**
 * The Secrets the environment reads and does not hold, from the RequiredSecret declarations of its
 * constructs; refuses a Secret reference of any synthesized object that neither dist/ nor a
 * declaration accounts for, and a declaration nothing reads.
 */
function addSecretsInventory(spec: EnvironmentSpec, root: IConstruct, objects: readonly RenderedObject[], files: Map<string, string>, violations: Violation[]): void {
  const declarations = RequiredSecret.of(root);
  violations.push(...secretInventoryViolations(objects, declarations, spec));
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

async function synthesizeTerraform(spec: EnvironmentSpec, today: string): Promise<EnginePart> {
  const estate = buildTerraformEstate(spec);
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const violations: Violation[] = [];
  for (const { name, stack } of estate.entries) {
    const rendered = await renderStack(stack, spec.name);
    violations.push(...rendered.violations);
    files.set(`${outputPath(terraformStackDir(spec.name, name))}/main.tf`, rendered.hcl);
    summary.push({
      environment: spec.name,
      engine: 'terraform',
      unit: name,
      files: 1,
      resources: countTerraformResources(rendered.hcl),
    });
  }
  if (estate.entries.length > 0) {
    files.set(`${outputPath(terraformEnvironmentDir(spec.name))}/apply-order.json`, applyOrderJson(estate.entries));
  }
  // After rendering: the rules see the stacks exactly as written (backends, overrides, tags).
  const compliance = evaluateTerraformCompliance(spec, estate.entries, today);
  violations.push(...complianceViolations(compliance));
  const views = estate.entries.flatMap(({ name, stack }) => [...terraformViewsOf(stack, name).map(({ view }) => view), ...remoteStateViewsOf(stack, name)]);
  return { files, summary, violations, compliance, views };
}

/**
 * The order a pipeline applies the environment's stacks in, and what each reads state from:
 * `jq -r '.[].stack'` gives the folders in order.
 */
function applyOrderJson(entries: readonly TerraformStackEntry[]): string {
  return `${JSON.stringify(
    entries.map((e) => ({ stack: e.name, dependsOn: [...e.dependsOn] })),
    null,
    2,
  )}\n`;
}

/** Resource blocks declared in a root module's HCL (`resource "<type>" "<name>" {` at column 0). */
function countTerraformResources(hcl: string): number {
  return (hcl.match(/^resource "/gm) ?? []).length;
}
