import type { RolloutSpec } from '../../../constructs/delivery/rollout-types';
import { k8sProdRolloutAnalysis } from '../../../constructs/rules/kubernetes/k8s-prod-rollout-analysis';
import { evaluateKubernetesRules } from '../../../constructs/rules/kubernetes-engine';
import { packFor } from '../../../constructs/rules/packs';
import type { KubeManifest } from '../../../constructs/synth/kube-manifest';
import { manifestOfKind, renderWorkload, rolloutSpecIn } from '../../delivery/render-workload';
import { objectsOf } from '../../platform/render-environment';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../../support/fixture-workload';
import { expectAccepted, expectRejected, rendered } from './fixtures';

const live = fixtureDeliveryEnvironment('production');
const stage = fixtureDeliveryEnvironment('staging');

/** The workload analysis a Rollout step names, as the construct renders it. */
const ANALYSIS = { templates: [{ templateName: 'echo-health' }], args: [{ name: 'pod-template-hash', valueFrom: { podTemplateHashValue: 'Latest' } }] };
const DRY_RUN = [{ metricName: '.*' }];

function rollout(spec: object) {
  return rendered('live/workload-echo/workload/rollout', { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'echo', namespace: 'echo' }, spec });
}

/** The AnalysisTemplate the construct renders beside the production Rollout (echo/echo-health). */
const renderedTemplate = manifestOfKind(renderWorkload('production').manifests, 'AnalysisTemplate');
type Metric = Record<string, unknown>;
const templateMetrics = (renderedTemplate.spec as { metrics: Metric[] }).metrics;

function template(change: { spec?: Record<string, unknown>; metadata?: Partial<KubeManifest['metadata']>; kind?: string; metric?: (m: Metric) => Metric } = {}) {
  const spec = { ...(renderedTemplate.spec as object), metrics: templateMetrics.map(change.metric ?? ((m) => m)), ...change.spec };
  return rendered('live/workload-echo/workload/echo-analysis', {
    ...renderedTemplate,
    kind: change.kind ?? renderedTemplate.kind,
    metadata: { ...renderedTemplate.metadata, ...change.metadata },
    spec,
  });
}

const canary = (steps: readonly object[], extra: object = {}) => rollout({ strategy: { canary: { maxSurge: 1, steps, ...extra } } });
const blueGreen = (extra: object) => rollout({ strategy: { blueGreen: { activeService: 'echo', previewService: 'echo-preview', autoPromotionEnabled: false, ...extra } } });

/** The production canary the construct renders, with its steps changed by `change`. */
function renderedCanary(change: (steps: RolloutSpec['strategy']['canary']) => object) {
  const spec = rolloutSpecIn('production');
  return rollout({ ...spec, strategy: { canary: change(spec.strategy.canary) } });
}

describe('k8s-prod-rollout-analysis: synth refuses a production Rollout without analysis', () => {
  it('is in the production pack only', () => {
    expect(packFor('production').kubernetes).toContain(k8sProdRolloutAnalysis);
    expect(packFor('staging').kubernetes).not.toContain(k8sProdRolloutAnalysis);
    expect(packFor('development').kubernetes).not.toContain(k8sProdRolloutAnalysis);
  });

  it('rejects a canary whose steps never analyse', () => {
    expectRejected(k8sProdRolloutAnalysis, canary([{ setWeight: 50 }, { pause: {} }]), live, [
      {
        field: 'spec.strategy.canary.steps[0].setWeight',
        value: '50',
        problem:
          /live is a production environment: Rollout echo\/echo shifts 50% of the pods to the new version, then promotes fully at the end of the steps before any analysis judged them/,
        fix: /add an analysis step after steps\[0\], or a background analysis \(canary.analysis\) with startingStep at most 0/,
      },
    ]);
  });

  it('rejects a rolling update (canary without steps) and a blue-green without pre- or post-promotion analysis', () => {
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: { canary: { maxSurge: 1 } } }), live, [{ field: 'spec.strategy.canary.steps', fix: /analysis step/ }]);
    expectRejected(k8sProdRolloutAnalysis, blueGreen({}), live, [{ field: 'spec.strategy.blueGreen.prePromotionAnalysis', fix: /prePromotionAnalysis and postPromotionAnalysis/ }]);
    expectRejected(k8sProdRolloutAnalysis, rollout({ strategy: {} }), live, [
      { field: 'spec.strategy', problem: /has neither a canary nor a blueGreen strategy/, fix: /DeliveredWorkload/ },
    ]);
  });

  it('accepts every Rollout the construct renders in production, canary and blue-green, with its AnalysisTemplate', () => {
    const blueGreenSpec = rolloutSpecIn('production', fixtureWorkload({ strategy: 'blueGreen' }));
    // Before promotion a blue-green also runs the smoke requests to its preview (echo-smoke).
    const smokeTemplate = rendered(
      'live/workload-echo/workload/echo-smoke',
      manifestOfKind(renderWorkload('production', fixtureWorkload({ strategy: 'blueGreen' })).manifests, 'AnalysisTemplate', 'echo-smoke'),
    );
    expectAccepted(k8sProdRolloutAnalysis, [rollout(rolloutSpecIn('production')), rollout(blueGreenSpec), template(), smokeTemplate], live);
    expectAccepted(k8sProdRolloutAnalysis, objectsOf(live), live);
  });

  it('lets staging roll without analysis', () => {
    expectAccepted(
      k8sProdRolloutAnalysis,
      [rollout({ strategy: { canary: { maxSurge: 1 } } }), canary([{ setWeight: 50 }, { analysis: { ...ANALYSIS, dryRun: DRY_RUN } }])],
      stage,
    );
  });
});

describe('k8s-prod-rollout-analysis: the analysis must come before the traffic it judges', () => {
  it('rejects a canary whose only analysis step comes after the last setWeight', () => {
    const late = canary([{ setWeight: 25 }, { pause: { duration: '5m' } }, { setWeight: 50 }, { pause: { duration: '5m' } }, { setWeight: 75 }, { analysis: ANALYSIS }]);
    expectRejected(
      k8sProdRolloutAnalysis,
      late,
      live,
      [
        {
          field: 'spec.strategy.canary.steps[0].setWeight',
          value: '25',
          problem: /then shifts more at steps\[2\] before any analysis judged them/,
          fix: /after steps\[0\] and before steps\[2\]/,
        },
        { field: 'spec.strategy.canary.steps[2].setWeight', value: '50', fix: /after steps\[2\] and before steps\[4\]/ },
      ],
      [template()],
    );
  });

  it('rejects a canary that shifts everything before its analysis (setWeight 100 first)', () => {
    expectRejected(
      k8sProdRolloutAnalysis,
      canary([{ setWeight: 100 }, { analysis: ANALYSIS }]),
      live,
      [{ field: 'spec.strategy.canary.steps', problem: /shifts every pod to the new version at once/, fix: /setWeight steps below 100/ }],
      [template()],
    );
  });

  it('rejects a background analysis that starts after the first shift, or runs without steps', () => {
    const background = { ...ANALYSIS, startingStep: 2 };
    expectRejected(
      k8sProdRolloutAnalysis,
      canary([{ setWeight: 25 }, { pause: { duration: '5m' } }, { setWeight: 50 }, { pause: {} }], { analysis: background }),
      live,
      [{ field: 'spec.strategy.canary.steps[0].setWeight', fix: /startingStep at most 0/ }],
      [template()],
    );
    expectRejected(
      k8sProdRolloutAnalysis,
      rollout({ strategy: { canary: { analysis: ANALYSIS } } }),
      live,
      [{ field: 'spec.strategy.canary.steps', problem: /shifts every pod to the new version at once/, fix: /setWeight steps below 100/ }],
      [template()],
    );
  });

  it('accepts a background analysis from the first step, and a shift to 0 that exposes nothing', () => {
    expectAccepted(
      k8sProdRolloutAnalysis,
      [canary([{ setWeight: 25 }, { pause: { duration: '5m' } }, { setWeight: 50 }, { pause: {} }], { analysis: ANALYSIS }), template()],
      live,
    );
    expectAccepted(k8sProdRolloutAnalysis, [canary([{ setWeight: 0 }, { setWeight: 20 }, { analysis: ANALYSIS }, { pause: {} }]), template()], live);
  });
});

describe('k8s-prod-rollout-analysis: the analysis must be able to fail', () => {
  const steps = (spec: NonNullable<RolloutSpec['strategy']['canary']>) => spec.steps ?? [];

  it('rejects dryRun on a step analysis', () => {
    const dry = renderedCanary((c) => ({ ...c, steps: steps(c!).map((s, i) => (i === 1 ? { analysis: { ...ANALYSIS, dryRun: DRY_RUN } } : s)) }));
    expectRejected(
      k8sProdRolloutAnalysis,
      dry,
      live,
      [
        {
          field: 'spec.strategy.canary.steps[1].analysis.dryRun',
          problem: /Rollout echo\/echo, at spec.strategy.canary.steps\[1\].analysis, runs metrics in dry-run mode: their failures never fail the AnalysisRun/,
          fix: /remove dryRun/,
        },
      ],
      [template()],
    );
  });

  it('rejects dryRun on the background analysis and on blue-green pre- and post-promotion analysis', () => {
    const background = canary([{ setWeight: 25 }, { pause: {} }], { analysis: { ...ANALYSIS, dryRun: DRY_RUN } });
    expectRejected(k8sProdRolloutAnalysis, background, live, [{ field: 'spec.strategy.canary.analysis.dryRun', fix: /remove dryRun/ }], [template()]);
    const dry = { ...ANALYSIS, dryRun: DRY_RUN };
    expectRejected(
      k8sProdRolloutAnalysis,
      blueGreen({ prePromotionAnalysis: dry, postPromotionAnalysis: dry }),
      live,
      [
        { field: 'spec.strategy.blueGreen.prePromotionAnalysis.dryRun', fix: /remove dryRun/ },
        { field: 'spec.strategy.blueGreen.postPromotionAnalysis.dryRun', fix: /remove dryRun/ },
      ],
      [template()],
    );
  });

  it('rejects spec.dryRun in the referenced AnalysisTemplate, once for all the steps that name it', () => {
    expectRejected(
      k8sProdRolloutAnalysis,
      rollout(rolloutSpecIn('production')),
      live,
      [
        {
          field: 'spec.strategy.canary.steps[1].analysis.templates[0]',
          problem: /names AnalysisTemplate echo\/echo-health, whose spec.dryRun runs metrics in dry-run mode/,
          fix: /remove spec.dryRun from AnalysisTemplate echo\/echo-health/,
        },
      ],
      [template({ spec: { dryRun: DRY_RUN } })],
    );
  });

  it('accepts measurementRetention, which only keeps more measurements', () => {
    const retained = renderedCanary((c) => ({ ...c, analysis: { ...ANALYSIS, measurementRetention: [{ metricName: '.*', limit: 20 }] } }));
    expectAccepted(k8sProdRolloutAnalysis, [retained, template({ spec: { measurementRetention: [{ metricName: '.*', limit: 20 }] } })], live);
  });

  it('rejects an analysis naming no template', () => {
    const empty = renderedCanary((c) => ({ ...c, steps: steps(c!).map((s) => (s.analysis === undefined ? s : { analysis: { ...ANALYSIS, templates: [] } })) }));
    expectRejected(
      k8sProdRolloutAnalysis,
      empty,
      live,
      [1, 4, 7].map((i) => ({
        field: `spec.strategy.canary.steps[${i}].analysis.templates`,
        problem: /names no AnalysisTemplate, so no metric judges the release/,
        fix: /reference the workload's AnalysisTemplate/,
      })),
      [template()],
    );
    expectRejected(k8sProdRolloutAnalysis, blueGreen({ prePromotionAnalysis: { templates: [] } }), live, [
      { field: 'spec.strategy.blueGreen.prePromotionAnalysis.templates', fix: /AnalysisTemplate/ },
    ]);
  });
});

describe('k8s-prod-rollout-analysis: the named AnalysisTemplate must exist and its metrics must be able to fail', () => {
  const bg = (analysis: object) => blueGreen({ prePromotionAnalysis: analysis });
  const PRE = 'spec.strategy.blueGreen.prePromotionAnalysis.templates[0]';

  it('rejects a template the environment does not render, or renders in another namespace', () => {
    expectRejected(k8sProdRolloutAnalysis, bg(ANALYSIS), live, [
      {
        field: PRE,
        value: '"echo-health"',
        problem: /names AnalysisTemplate echo\/echo-health, which the environment does not render in namespace echo/,
        fix: /render the template beside the Rollout or correct templateName/,
      },
    ]);
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [{ field: PRE, value: '"echo-health"', fix: /correct templateName/ }],
      [template({ metadata: { namespace: 'other' } })],
    );
  });

  it('rejects clusterScope without a ClusterAnalysisTemplate of that name, and accepts one with it', () => {
    const clusterScoped = { ...ANALYSIS, templates: [{ templateName: 'echo-health', clusterScope: true }] };
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(clusterScoped),
      live,
      [{ field: PRE, problem: /names ClusterAnalysisTemplate echo-health, which the environment does not render among the ClusterAnalysisTemplates/, fix: /correct templateName/ }],
      [template()],
    );
    const cluster = template({ kind: 'ClusterAnalysisTemplate', metadata: { namespace: undefined } });
    expectAccepted(k8sProdRolloutAnalysis, [bg(clusterScoped), cluster], live);
  });

  it('rejects a metric without a successCondition or failureCondition, or with a constant one', () => {
    const { successCondition: _s, failureCondition: _f, ...bare } = templateMetrics[0]!;
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [
        {
          field: PRE,
          problem: /whose metric success-ratio \(spec.metrics\[0\]\) can never fail: it has neither successCondition nor failureCondition/,
          fix: /failureCondition or successCondition/,
        },
      ],
      [template({ metric: (m) => (m.name === 'success-ratio' ? bare : m) })],
    );
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [
        {
          field: PRE,
          problem: /whose metric latency-p99 \(spec.metrics\[1\]\) can never fail: its failureCondition is the constant false/,
          fix: /failureCondition or successCondition/,
        },
      ],
      [template({ metric: (m) => (m.name === 'latency-p99' ? { ...m, failureCondition: 'false' } : m) })],
    );
  });

  it('rejects failureLimit -1 and a failureLimit no count of failures can pass', () => {
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [{ field: PRE, value: '-1', problem: /metric cpu-saturation \(spec.metrics\[2\]\) has failureLimit -1/, fix: /failureLimit to 0 or more/ }],
      [template({ metric: (m) => (m.name === 'cpu-saturation' ? { ...m, failureLimit: -1 } : m) })],
    );
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [
        {
          field: PRE,
          value: '4',
          problem: /has failureLimit 4 of count 4: a metric fails when more than failureLimit measurements fail, so it never can/,
          fix: /below count \(4\)/,
        },
      ],
      [template({ metric: (m) => (m.name === 'success-ratio' ? { ...m, failureLimit: 4 } : m) })],
    );
  });

  it('reads conditions and limits after the run substitutes its arguments', () => {
    const withArgs = (args: object[]) => bg({ ...ANALYSIS, args: [...ANALYSIS.args, ...args] });
    const limitFromArg = template({
      spec: { args: [{ name: 'pod-template-hash' }, { name: 'limit', value: '1' }] },
      metric: (m) => (m.name === 'success-ratio' ? { ...m, failureLimit: '{{ args.limit }}' } : m),
    });
    expectAccepted(k8sProdRolloutAnalysis, [withArgs([]), limitFromArg], live);
    expectRejected(
      k8sProdRolloutAnalysis,
      withArgs([{ name: 'limit', value: '-1' }]),
      live,
      [{ field: PRE, value: '-1', problem: /has failureLimit -1/, fix: /0 or more/ }],
      [limitFromArg],
    );
    const verdictFromArg = template({
      spec: { args: [{ name: 'pod-template-hash' }, { name: 'verdict', value: 'true' }] },
      metric: (m) => (m.name === 'latency-p99' ? { ...m, failureCondition: undefined, successCondition: '{{args.verdict}}' } : m),
    });
    expectRejected(
      k8sProdRolloutAnalysis,
      withArgs([]),
      live,
      [{ field: PRE, problem: /latency-p99 \(spec.metrics\[1\]\) can never fail: its successCondition is the constant true/, fix: /failureCondition/ }],
      [verdictFromArg],
    );
    const fromCluster = withArgs([{ name: 'verdict', valueFrom: { fieldRef: { fieldPath: 'metadata.labels.verdict' } } }]);
    expectRejected(
      k8sProdRolloutAnalysis,
      fromCluster,
      live,
      [
        {
          field: PRE,
          problem: /whose metric latency-p99 \(spec.metrics\[1\]\) reads successCondition from args.verdict, known only in the cluster/,
          fix: /write the conditions and limits in the template/,
        },
      ],
      [verdictFromArg],
    );
  });

  it('follows nested templates and rejects a template with no metrics', () => {
    const composed = template({ metadata: { name: 'echo-composed' }, spec: { metrics: [], templates: [{ templateName: 'echo-missing' }] } });
    expectRejected(
      k8sProdRolloutAnalysis,
      bg({ ...ANALYSIS, templates: [{ templateName: 'echo-composed' }] }),
      live,
      [
        {
          field: PRE,
          value: '"echo-missing"',
          problem: /names AnalysisTemplate echo\/echo-missing \(nested in AnalysisTemplate echo\/echo-composed\)/,
          fix: /render the template/,
        },
      ],
      [composed],
    );
    expectRejected(
      k8sProdRolloutAnalysis,
      bg(ANALYSIS),
      live,
      [{ field: PRE, problem: /which has no metrics: its AnalysisRun succeeds without measuring anything/, fix: /give the template metrics/ }],
      [template({ spec: { metrics: [] } })],
    );
  });
});

describe('k8s-prod-rollout-analysis in the engine: templates are looked up among the environment objects', () => {
  const evaluate = (objects?: readonly KubeManifest[]) =>
    evaluateKubernetesRules(renderWorkload('production').chart, {
      environment: { name: live.name, tier: live.tier },
      rules: [k8sProdRolloutAnalysis],
      knownRules: new Set([k8sProdRolloutAnalysis.id]),
      today: '2026-03-01',
      ...(objects === undefined ? {} : { objects }),
    }).map((result) => `${result.status} ${result.field ?? ''}`);

  it("reads the chart's own objects by default, and the environment's objects when given", () => {
    expect(evaluate()).toEqual(['pass ']);
    expect(evaluate([])).toEqual([1, 4, 7].map((i) => `fail spec.strategy.canary.steps[${i}].analysis.templates[0]`));
  });
});
