import { type Finding, unless } from '../core/finding';
import type { Tier } from '../core/tier';
import { SMOKE_INTERVAL, smokeCount } from './analysis/workload-smoke-template';
import type { DeliveredWorkloadSpec, SmokeTestSpec } from './delivery-spec';
import { PROGRESS_DEADLINE_SECONDS, tierStrategy } from './delivery-tiers';

/** The request path a URL can carry as is: absolute, no query, fragment, space or `%` escape to get wrong. */
const SMOKE_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/;

/**
 * A Kubernetes JSONPath template in braces (`{$.version}`, `{.status}`). The provider parses it when
 * it builds the metric (argo-rollouts v1.7.2 metricproviders/webmetric/webmetric.go
 * NewWebMetricJsonParser): a path it cannot parse errors every measurement and aborts the release.
 */
const JSON_PATH = /^\{\$?\.[^{}]+\}$/;

function smokeShapeFindings(workload: DeliveredWorkloadSpec, smoke: SmokeTestSpec, at: string): Finding[] {
  const served = workload.ports.filter((p) => p.name !== workload.metrics.port).map((p) => p.name);
  return [
    ...unless(
      SMOKE_PATH.test(smoke.path),
      `${at}.smokeTest.path`,
      smoke.path,
      'is not an absolute request path: the smoke URL is the preview Service followed by this path',
      "start it with '/' and write it unescaped, without query or spaces, e.g. '/version'",
    ),
    ...unless(
      served.includes(smoke.port),
      `${at}.smokeTest.port`,
      smoke.port,
      smoke.port === workload.metrics.port
        ? 'is the metrics port: the Services do not expose it and the allow-serving NetworkPolicy does not admit the controller to it'
        : 'is not a port the workload serves: the preview Service has no such port',
      `use one of ${served.join(', ') || '(none: add a served port to ports)'}`,
    ),
    ...(smoke.jsonPath === undefined
      ? []
      : unless(
          JSON_PATH.test(smoke.jsonPath),
          `${at}.smokeTest.jsonPath`,
          smoke.jsonPath,
          'is not a Kubernetes JSONPath template: Argo Rollouts could not parse it and every smoke request would error',
          "write the field in braces, e.g. '{$.version}', or leave jsonPath out to accept any 2xx answer",
        )),
  ];
}

/** Time the preview's pods may take between the last progress the controller saw and the run's start. */
const DEADLINE_MARGIN_SECONDS = 60;

/**
 * The pre-promotion run (as long as its smoke requests: smokeCount) ends before the progress
 * deadline. While it runs a blue-green Rollout is neither paused nor on a step (the controller
 * pauses only after it completed: argo-rollouts v1.7.2 rollout/bluegreen.go reconcileBlueGreenPause;
 * isIndefiniteStep is canary-only: rollout/sync.go) and makes no progress (utils/conditions
 * RolloutProgressing), so past progressDeadlineSeconds it times out and, with progressDeadlineAbort,
 * aborts a release its analysis was about to pass.
 */
function deadlineFindings(workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const runSeconds = (smokeCount(workload) * SMOKE_INTERVAL.toMilliseconds()) / 1000;
  return unless(
    runSeconds + DEADLINE_MARGIN_SECONDS <= PROGRESS_DEADLINE_SECONDS,
    `${at}.analysis`,
    { interval: workload.analysis.interval.toHumanString(), count: workload.analysis.count },
    `the pre-promotion analysis runs about ${runSeconds}s (one rate window, then count intervals): past the ${PROGRESS_DEADLINE_SECONDS}s progress deadline less ${DEADLINE_MARGIN_SECONDS}s, the Rollout aborts before it ends`,
    `lower count or interval so that the rate window plus count x interval stays under ${PROGRESS_DEADLINE_SECONDS - DEADLINE_MARGIN_SECONDS - SMOKE_INTERVAL.toSeconds()}s`,
  );
}

/**
 * A blue-green workload sends its preview smoke requests before promotion, and they reach it: the
 * preview has no clients, the probes are excluded from the analysis, so without them the
 * pre-promotion run never has a sample, ends Inconclusive, and promoting starts another one
 * (argo-rollouts v1.7.2 rollout/analysis.go needsNewAnalysisRun): only `promote --full`, which skips
 * the analysis, would release it.
 */
export function smokeTestFindings(tier: Tier, workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const blueGreen = tierStrategy(tier, workload) === 'blueGreen';
  if (workload.smokeTest === undefined) {
    return unless(
      !blueGreen,
      `${at}.smokeTest`,
      undefined,
      'a blue-green preview has no client traffic: without smoke requests its pre-promotion analysis has nothing to judge and never passes',
      "add smokeTest: { path, port } with a cheap GET the workload answers with 2xx (podinfo: { path: '/version', port: 'http', jsonPath: '{$.version}' })",
    );
  }
  return [...smokeShapeFindings(workload, workload.smokeTest, at), ...(blueGreen ? deadlineFindings(workload, at) : [])];
}
