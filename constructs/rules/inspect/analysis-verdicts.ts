import { type Finding, finding } from '../../core/finding';
import type { KubeManifest } from '../../synth/kube-manifest';
import { type ArgumentValues, argumentValues, resolveArguments } from './analysis-arguments';
import { isRecord } from './attributes';
import type { LocatedAnalysis } from './rollout-analyses';

/**
 * Whether an analysis a Rollout names can fail, read on the environment's rendered objects. The
 * semantics are argo-rollouts v1.7.2 (what prod runs) and v1.8.0:
 * - `dryRun` (on the Rollout's `RolloutAnalysis` or the template's spec, pkg/apis/rollouts/v1alpha1
 *   types.go `DryRun`, analysis_types.go `AnalysisTemplateSpec.DryRun`) names metrics by regular
 *   expression (utils/analysis/helpers.go GetDryRunMetrics); their failures never count towards
 *   the run's phase (analysis/analysis.go assessRunStatus), so `.*` makes a run that always passes.
 *   `measurementRetention` only keeps more measurements: harmless.
 * - No `templates`: a background analysis creates no run (rollout/analysis.go
 *   reconcileBackgroundAnalysisRun), a step has no metric to fail.
 * - A template is looked up by name in the Rollout's namespace, or among ClusterAnalysisTemplates
 *   with `clusterScope: true`, nested `spec.templates` too (rollout/analysis.go).
 * - A metric without successCondition and failureCondition always succeeds; with a failureCondition
 *   it fails only when that holds, else when the successCondition does not (utils/evaluate/evaluate.go
 *   EvaluateResult). It fails when more than `failureLimit` measurements failed; -1 disables that
 *   (v1.8.0; v1.7.2 refuses it) and a limit at or above `count` can never be passed
 *   (analysis/analysis.go assessMetricFailureInconclusiveOrError). All of these are read after the
 *   run's arguments are substituted (analysis-arguments.ts).
 */

const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
const FIX_TEMPLATE = 'the DeliveredWorkload construct renders a template that can fail (constructs/delivery/analysis)';

/** What judging one Rollout's analyses needs: where its templates live, and which were judged already. */
export interface AnalysisScope {
  /** The Rollout's namespace: its AnalysisTemplates are looked up there. */
  readonly namespace: string | undefined;
  readonly objects: readonly KubeManifest[];
  /** Templates already judged for this Rollout (kind/namespace/name and the arguments passed): each is reported once. */
  readonly judged: Set<string>;
}

interface TemplateRef {
  readonly name: unknown;
  readonly clusterScope: boolean;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function refOf(value: unknown): TemplateRef {
  const ref = isRecord(value) ? value : {};
  return { name: ref.templateName, clusterScope: ref.clusterScope === true };
}

function kindOf(ref: TemplateRef): string {
  return ref.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
}

function labelOf(ref: TemplateRef, namespace: string | undefined): string {
  return ref.clusterScope || namespace === undefined ? `${kindOf(ref)} ${String(ref.name)}` : `${kindOf(ref)} ${namespace}/${String(ref.name)}`;
}

function resolve(ref: TemplateRef, scope: AnalysisScope): KubeManifest | undefined {
  return scope.objects.find(
    (object) =>
      object.apiVersion === ARGO_API_VERSION &&
      object.kind === kindOf(ref) &&
      object.metadata.name === ref.name &&
      (ref.clusterScope || object.metadata.namespace === scope.namespace),
  );
}

/** An IntOrString count or limit as a whole number, `undefined` when absent or not a literal. */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

function condition(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Why a metric's conditions can never fail a measurement, or `undefined` when they can. */
function neverFailsBecause(metric: Readonly<Record<string, unknown>>): string | undefined {
  const success = condition(metric.successCondition);
  const failure = condition(metric.failureCondition);
  if (success === '' && failure === '') {
    // A web metric without conditions still judges: a non-2xx answer, no answer or a missing
    // jsonPath field is a measurement Error (argo-rollouts v1.7.2 and v1.8.0
    // metricproviders/webmetric/webmetric.go `Run`, `parseResponse`), more than consecutiveErrorLimit
    // of them in a row end the run in Error (analysis/analysis.go), and an Error run aborts the
    // rollout like a Failed one (rollout/analysis.go). The smoke request of a blue-green preview is one.
    const provider = metric.provider;
    if (typeof provider === 'object' && provider !== null && 'web' in provider) return undefined;
    return 'it has neither successCondition nor failureCondition, so every measurement succeeds';
  }
  if (failure !== '') return failure.toLowerCase() === 'false' ? 'its failureCondition is the constant false' : undefined;
  return success.toLowerCase() === 'true' ? 'its successCondition is the constant true' : undefined;
}

const JUDGED_FIELDS = ['successCondition', 'failureCondition', 'failureLimit', 'count', 'consecutiveSuccessLimit'] as const;

function metricFindings(written: Readonly<Record<string, unknown>>, j: number, at: string, label: string, values: ArgumentValues): Finding[] {
  const name = `metric ${String(written.name)} (spec.metrics[${j}])`;
  const resolved = JUDGED_FIELDS.map((field) => ({ field, ...resolveArguments(written[field], values) }));
  const unknown = resolved.filter((r) => r.unknown.length > 0);
  if (unknown.length > 0) {
    const read = unknown.map((r) => `${r.field} from ${r.unknown.map((arg) => `args.${arg}`).join(', ')}`).join('; ');
    return [
      finding(
        at,
        Object.fromEntries(unknown.map((r) => [r.field, written[r.field]])),
        `names ${label}, whose ${name} reads ${read}, known only in the cluster (valueFrom, or no value): nothing shows the metric can fail`,
        'write the conditions and limits in the template (or give the argument a value); arguments are for the query',
      ),
    ];
  }
  const metric: Readonly<Record<string, unknown>> = { ...written, ...Object.fromEntries(resolved.map((r) => [r.field, r.value])) };
  const reason = neverFailsBecause(metric);
  const failureLimit = wholeNumber(metric.failureLimit);
  const count = wholeNumber(metric.count);
  const conditionFinding =
    reason === undefined
      ? []
      : [
          finding(
            at,
            { successCondition: metric.successCondition, failureCondition: metric.failureCondition },
            `names ${label}, whose ${name} can never fail: ${reason}`,
            `give the metric a failureCondition or successCondition on the measured value; ${FIX_TEMPLATE}`,
          ),
        ];
  if (failureLimit === -1) {
    return [
      ...conditionFinding,
      finding(
        at,
        -1,
        `names ${label}, whose ${name} has failureLimit -1: failed measurements never fail the metric`,
        'set failureLimit to 0 or more, below count (Argo Rollouts v1.7.2 refuses -1)',
      ),
    ];
  }
  // v1.8.0's consecutiveSuccessLimit fails a metric that did not succeed often enough in a row, whatever failureLimit says.
  if (failureLimit !== undefined && count !== undefined && failureLimit >= count && metric.consecutiveSuccessLimit === undefined) {
    return [
      ...conditionFinding,
      finding(
        at,
        failureLimit,
        `names ${label}, whose ${name} has failureLimit ${failureLimit} of count ${count}: a metric fails when more than failureLimit measurements fail, so it never can`,
        `set failureLimit below count (${count})`,
      ),
    ];
  }
  return conditionFinding;
}

/** What keeps one template (and those it nests) from failing, reported at the reference `at`. */
function templateFindings(ref: TemplateRef, at: string, scope: AnalysisScope, rolloutArgs: unknown, nestedIn?: string): Finding[] {
  const label = labelOf(ref, scope.namespace);
  const template = resolve(ref, scope);
  if (template === undefined) {
    const where = ref.clusterScope ? 'among the ClusterAnalysisTemplates' : `in namespace ${scope.namespace ?? '(none)'}`;
    return [
      finding(
        at,
        ref.name,
        `names ${label}${nestedIn === undefined ? '' : ` (nested in ${nestedIn})`}, which the environment does not render ${where}, so no analysis reviewed with the Rollout can abort the release`,
        `render the template beside the Rollout or correct templateName; ${FIX_TEMPLATE}`,
      ),
    ];
  }
  // The same template with other arguments is another run: judged again.
  const key = `${template.kind}/${template.metadata.namespace ?? ''}/${template.metadata.name} ${JSON.stringify(rolloutArgs ?? null)}`;
  if (scope.judged.has(key)) return [];
  scope.judged.add(key);
  const spec = isRecord(template.spec) ? template.spec : {};
  const metrics = listOf(spec.metrics).map((metric) => (isRecord(metric) ? metric : {}));
  const nested = listOf(spec.templates).map(refOf);
  const dryRun = listOf(spec.dryRun);
  const values = argumentValues(spec.args, rolloutArgs);
  return [
    ...(dryRun.length === 0
      ? []
      : [
          finding(
            at,
            spec.dryRun,
            `names ${label}, whose spec.dryRun runs metrics in dry-run mode: their failures never fail the AnalysisRun, so nothing aborts the release`,
            `remove spec.dryRun from ${label}`,
          ),
        ]),
    ...(metrics.length === 0 && nested.length === 0
      ? [finding(at, ref.name, `names ${label}, which has no metrics: its AnalysisRun succeeds without measuring anything`, `give the template metrics; ${FIX_TEMPLATE}`)]
      : []),
    ...metrics.flatMap((metric, j) => metricFindings(metric, j, at, label, values)),
    ...nested.flatMap((inner) => templateFindings(inner, at, scope, rolloutArgs, label)),
  ];
}

/** Everything that keeps one analysis of a Rollout from failing a bad release (none: it can). */
export function analysisVerdictFindings({ field, analysis }: LocatedAnalysis, scope: AnalysisScope): Finding[] {
  const templates = listOf(analysis.templates);
  const dryRun = listOf(analysis.dryRun);
  return [
    ...(templates.length === 0
      ? [
          finding(
            `${field}.templates`,
            analysis.templates,
            'names no AnalysisTemplate, so no metric judges the release',
            `reference the workload's AnalysisTemplate; ${FIX_TEMPLATE}`,
          ),
        ]
      : []),
    ...(dryRun.length === 0
      ? []
      : [
          finding(
            `${field}.dryRun`,
            analysis.dryRun,
            'runs metrics in dry-run mode: their failures never fail the AnalysisRun, so nothing aborts the release',
            'remove dryRun (try a new metric in dry-run mode in staging)',
          ),
        ]),
    ...templates.flatMap((ref, i) => templateFindings(refOf(ref), `${field}.templates[${i}]`, scope, analysis.args)),
  ];
}
