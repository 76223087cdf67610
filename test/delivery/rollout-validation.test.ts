import type { RolloutSpec } from '../../constructs/delivery/rollout-types';
import { rolloutSpecFindings } from '../../constructs/delivery/rollout-validation';
import { validationViolations } from '../../constructs/rules/construct-violations';
import { fixtureWorkload } from '../support/fixture-workload';
import { renderWorkload, rolloutSpecIn } from './render-workload';

const staging = (): RolloutSpec => rolloutSpecIn('staging');

function withStrategy(strategy: RolloutSpec['strategy']): RolloutSpec {
  return { ...staging(), strategy };
}

describe("the Rollouts controller's validation.go rules, on the rendered Rollout", () => {
  it('accepts what the construct renders in every tier and strategy', () => {
    for (const tier of ['development', 'staging', 'production'] as const) expect(rolloutSpecFindings(rolloutSpecIn(tier))).toEqual([]);
    expect(rolloutSpecFindings(rolloutSpecIn('production', fixtureWorkload({ strategy: 'blueGreen' })))).toEqual([]);
  });

  it('refuses a step with two types, or none', () => {
    const found = rolloutSpecFindings(withStrategy({ canary: { maxSurge: 1, steps: [{ setWeight: 20, pause: {} }, {}] } }));
    expect(found.map((f) => [f.field, f.problem])).toEqual([
      ['spec.strategy.canary.steps[0]', 'a step sets more than one of setWeight, pause, analysis (validation.go hasMultipleStepsType)'],
      ['spec.strategy.canary.steps[1]', 'Step must have one of the following set: experiment, setWeight, setCanaryScale or pause'],
    ]);
  });

  it('refuses a weight above 100 and an unparsable or zero pause', () => {
    const found = rolloutSpecFindings(withStrategy({ canary: { maxSurge: 1, steps: [{ setWeight: 120 }, { pause: { duration: '5 minutes' } }, { pause: { duration: '0' } }] } }));
    expect(found.map((f) => f.problem)).toEqual(['SetWeight needs to be between 0 and 100', 'Duration needs to be greater than 0', 'Duration needs to be greater than 0']);
  });

  it('refuses maxSurge and maxUnavailable both zero', () => {
    expect(rolloutSpecFindings(withStrategy({ canary: { maxSurge: '0%', maxUnavailable: 0 } })).map((f) => f.problem)).toEqual([
      'MaxSurge and MaxUnavailable both can not be zero',
    ]);
  });

  it('refuses no strategy, two strategies, and one Service for active and preview', () => {
    expect(rolloutSpecFindings(withStrategy({})).map((f) => f.problem)).toEqual(["Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'"]);
    expect(rolloutSpecFindings(withStrategy({ canary: { maxSurge: 1 }, blueGreen: { activeService: 'a' } })).map((f) => f.problem)).toEqual([
      'Multiple Strategies can not be listed',
    ]);
    expect(rolloutSpecFindings(withStrategy({ blueGreen: { activeService: 'a', previewService: 'a' } })).map((f) => f.field)).toEqual(['spec.strategy.blueGreen.previewService']);
  });

  it('refuses a selector the template does not carry, and a deadline not above minReadySeconds', () => {
    const spec = staging();
    expect(rolloutSpecFindings({ ...spec, selector: { matchLabels: { app: 'other' } } }).map((f) => f.problem)).toEqual(['`selector` does not match template `labels`']);
    expect(rolloutSpecFindings({ ...spec, minReadySeconds: 600, progressDeadlineSeconds: 600 }).map((f) => f.field)).toEqual(['spec.progressDeadlineSeconds']);
  });

  it('refuses through the construct: synth reports a broken rendered Rollout as a construct-validation violation', () => {
    const { chart } = renderWorkload('staging');
    const workload = chart.workload;
    (workload.rolloutSpec as { replicas: number }).replicas = -1;
    const violations = validationViolations(workload.node.findAll(), 'stage');
    expect(violations).toEqual([expect.objectContaining({ environment: 'stage', path: workload.node.path, field: 'spec.replicas', value: '-1' })]);
  });
});

describe("the Rollout's references (validation_references.go)", () => {
  it('names Services that exist in its folder and select only labels of its pod template (ValidateService)', () => {
    const { manifests } = renderWorkload('production', fixtureWorkload({ strategy: 'blueGreen' }));
    const rollout = manifests.find((m) => m.kind === 'Rollout')?.spec as RolloutSpec;
    const services = new Map(manifests.filter((m) => m.kind === 'Service').map((m) => [m.metadata.name, m.spec as { selector: Record<string, string> }]));
    const named = [rollout.strategy.blueGreen?.activeService, rollout.strategy.blueGreen?.previewService];
    expect(named).toEqual(['echo', 'echo-preview']);
    const labels = rollout.template.metadata?.labels ?? {};
    for (const name of named) {
      const selector = services.get(name ?? '')?.selector ?? {};
      expect(Object.keys(selector).length).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(selector)) expect(labels[key]).toBe(value);
    }
  });
});
