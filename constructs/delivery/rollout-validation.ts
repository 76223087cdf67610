import { type Finding, finding, unless } from '../core/finding';
import type { CanaryStep, RolloutSpec } from './rollout-types';

/**
 * The controller's own checks of a Rollout (argo-rollouts pkg/apis/rollouts/validation/validation.go,
 * v1.8.0 and v1.7.2), which the API server does not run: a Rollout that breaks one is accepted by
 * `kubectl apply` and Argo CD, then sits with condition InvalidSpec (`rollout_info{phase="InvalidSpec"}`)
 * and never rolls. Held here on the rendered object, each with the controller's message.
 */

/** Go `time.ParseDuration` forms a pause may take (rollout pause `DurationSeconds`), or whole seconds. */
const PAUSE_DURATION = /^(\d+|(\d+(\.\d+)?(h|m|s|ms))+)$/;

const STEP_FIELDS = ['setWeight', 'pause', 'analysis', 'experiment', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute'] as const;

function stepFindings(step: CanaryStep, field: string): Finding[] {
  const set = STEP_FIELDS.filter((key) => (step as Record<string, unknown>)[key] !== undefined);
  if (set.length !== 1) {
    return [
      finding(
        field,
        set,
        set.length === 0
          ? 'Step must have one of the following set: experiment, setWeight, setCanaryScale or pause'
          : 'a step sets more than one of setWeight, pause, analysis (validation.go hasMultipleStepsType)',
        'give each step exactly one of setWeight, pause or analysis',
      ),
    ];
  }
  const duration = step.pause?.duration;
  return [
    ...(step.setWeight === undefined
      ? []
      : unless(
          Number.isInteger(step.setWeight) && step.setWeight >= 0 && step.setWeight <= 100,
          `${field}.setWeight`,
          step.setWeight,
          'SetWeight needs to be between 0 and 100',
          'use a whole percentage from 1 to 100',
        )),
    ...(duration === undefined
      ? []
      : unless(
          PAUSE_DURATION.test(duration) && !/^0+$/.test(duration),
          `${field}.pause.duration`,
          duration,
          'Duration needs to be greater than 0',
          'write a Go duration such as 30s or 5m',
        )),
    ...(step.analysis === undefined
      ? []
      : unless(
          step.analysis.templates.length > 0,
          `${field}.analysis.templates`,
          step.analysis.templates,
          'an analysis step without templates has nothing to run',
          'reference the AnalysisTemplate of the workload',
        )),
  ];
}

function isZero(value: number | string | undefined): boolean {
  return value === 0 || value === '0' || value === '0%';
}

function canaryFindings(canary: NonNullable<RolloutSpec['strategy']['canary']>): Finding[] {
  return [
    ...unless(
      !(isZero(canary.maxSurge) && isZero(canary.maxUnavailable)),
      'spec.strategy.canary.maxSurge',
      canary.maxSurge,
      'MaxSurge and MaxUnavailable both can not be zero',
      'let one extra pod surge (maxSurge: 1)',
    ),
    ...(canary.steps ?? []).flatMap((step, i) => stepFindings(step, `spec.strategy.canary.steps[${i}]`)),
  ];
}

function blueGreenFindings(blueGreen: NonNullable<RolloutSpec['strategy']['blueGreen']>): Finding[] {
  return [
    ...unless(
      blueGreen.activeService !== '',
      'spec.strategy.blueGreen.activeService',
      blueGreen.activeService,
      'a blue-green Rollout needs an active Service',
      'name the Service clients call',
    ),
    ...unless(
      blueGreen.previewService !== blueGreen.activeService,
      'spec.strategy.blueGreen.previewService',
      blueGreen.previewService,
      'This rollout uses the same service for the active and preview services, but two different services are required.',
      'give the preview its own Service',
    ),
  ];
}

/** Every validation.go rule the estate's Rollouts could break, on the rendered spec. */
export function rolloutSpecFindings(spec: RolloutSpec): Finding[] {
  const labels = spec.template.metadata?.labels ?? {};
  const selector = Object.entries(spec.selector.matchLabels);
  const strategies = [spec.strategy.canary, spec.strategy.blueGreen].filter((s) => s !== undefined).length;
  const minReady = spec.minReadySeconds ?? 0;
  return [
    ...unless(Number.isInteger(spec.replicas) && spec.replicas >= 0, 'spec.replicas', spec.replicas, 'replicas must be a whole number, 0 or more', 'set replicas to 1 or more'),
    ...unless(selector.length > 0, 'spec.selector.matchLabels', spec.selector.matchLabels, 'empty selector is invalid for deployment', 'select the workload label'),
    ...unless(
      selector.every(([key, value]) => labels[key] === value),
      'spec.selector.matchLabels',
      spec.selector.matchLabels,
      '`selector` does not match template `labels`',
      'put every selector label on the pod template',
    ),
    ...unless(
      strategies === 1,
      'spec.strategy',
      spec.strategy,
      strategies === 0 ? "Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'" : 'Multiple Strategies can not be listed',
      'set exactly one of canary or blueGreen',
    ),
    ...unless(
      spec.progressDeadlineSeconds === undefined || spec.progressDeadlineSeconds > minReady,
      'spec.progressDeadlineSeconds',
      spec.progressDeadlineSeconds,
      'progressDeadlineSeconds must be greater than minReadySeconds',
      'raise progressDeadlineSeconds above minReadySeconds',
    ),
    ...(spec.strategy.canary === undefined ? [] : canaryFindings(spec.strategy.canary)),
    ...(spec.strategy.blueGreen === undefined ? [] : blueGreenFindings(spec.strategy.blueGreen)),
  ];
}
