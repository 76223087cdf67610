import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { argoDuration } from '../../argocd/argo-duration';
import { smokeTemplateName } from '../analysis-contract';
import type { DeliveredWorkloadSpec, SmokeTestSpec } from '../delivery-spec';
import { workloadServiceNames } from '../rollout-strategy';
import { analysisWindow } from './workload-analysis-template';

/**
 * Time between two smoke requests: a steady trickle (12 a minute) that gives every rate window of
 * the health queries (two minutes at least) some twenty requests of the preview to judge.
 */
export const SMOKE_INTERVAL = Duration.seconds(5);

/** Shorter than the interval, so a hanging preview errors before the next request is due (the provider's default is 10s). */
export const SMOKE_TIMEOUT_SECONDS = 4;

/**
 * Smoke requests erroring in a row (not 2xx, no answer, JSON without the field) the run tolerates:
 * two. The controller retries an errored measurement after 10s (argo-rollouts v1.7.2
 * analysis/analysis.go DefaultErrorRetryInterval), so a preview that refuses for half a minute aborts
 * the release, a lost request does not. Errors are the smoke metric's only bad outcome: with no
 * condition a measurement is never Failed nor Inconclusive (utils/evaluate/evaluate.go EvaluateResult).
 */
export const SMOKE_CONSECUTIVE_ERROR_LIMIT = 2;

/** The smoke metric's name in the merged pre-promotion AnalysisRun (unique beside the health metrics). */
export const SMOKE_METRIC_NAME = 'smoke-request';

/** The Argo Rollouts `web` metric the estate writes (argoproj.io/v1alpha1 WebMetric, the same fields in v1.7.2 and v1.8.0). */
export interface SmokeMetric {
  readonly name: string;
  readonly interval: string;
  readonly count: number;
  readonly failureLimit: number;
  readonly consecutiveErrorLimit: number;
  readonly provider: { readonly web: { readonly method: 'GET'; readonly url: string; readonly timeoutSeconds: number; readonly jsonPath?: string } };
}

/**
 * The preview Service's in-cluster URL of the smoke request: the Service port is the container port
 * of the named port (delivered-workload.ts), and the full name resolves from the controller's
 * namespace (argo-rollouts), which makes the request.
 */
export function smokeUrl(workload: Pick<DeliveredWorkloadSpec, 'name' | 'namespace' | 'ports'>, smoke: SmokeTestSpec): string {
  const port = workload.ports.find((p) => p.name === smoke.port);
  if (port === undefined) throw new Error(`smokeTest.port ${smoke.port} is not a port of workload ${workload.name}`);
  return `http://${workloadServiceNames(workload).preview}.${workload.namespace}.svc.cluster.local:${port.containerPort}${smoke.path}`;
}

/**
 * How many smoke requests: enough to outlast the health metrics of the same run, whose first
 * measurement waits one rate window (`initialDelay`) and whose `count` measurements follow one
 * `interval` apart, plus one interval for the controller's scheduling drift (each measurement is due
 * an interval after the previous one FINISHED: analysis/analysis.go generateMetricTasks). A smoke
 * metric that ended first would leave the last health measurements without traffic: Inconclusive.
 */
export function smokeCount(workload: Pick<DeliveredWorkloadSpec, 'analysis'>): number {
  const healthRun = analysisWindow(workload).toMilliseconds() + workload.analysis.count * workload.analysis.interval.toMilliseconds();
  return Math.ceil(healthRun / SMOKE_INTERVAL.toMilliseconds()) + 1;
}

/** The smoke metric of a workload with a smoke test. */
export function smokeMetric(workload: DeliveredWorkloadSpec, smoke: SmokeTestSpec): SmokeMetric {
  return {
    name: SMOKE_METRIC_NAME,
    interval: argoDuration(SMOKE_INTERVAL),
    count: smokeCount(workload),
    // No condition, so never Failed: 0 says so. The verdict on the answers is consecutiveErrorLimit's.
    failureLimit: 0,
    consecutiveErrorLimit: SMOKE_CONSECUTIVE_ERROR_LIMIT,
    provider: {
      web: {
        method: 'GET',
        url: smokeUrl(workload, smoke),
        timeoutSeconds: SMOKE_TIMEOUT_SECONDS,
        // Absent, the provider reads the whole answer (`{$}`): any 2xx passes.
        ...(smoke.jsonPath === undefined ? {} : { jsonPath: smoke.jsonPath }),
      },
    },
  };
}

export interface WorkloadSmokeTemplateProps {
  readonly workload: DeliveredWorkloadSpec;
  readonly smokeTest: SmokeTestSpec;
}

/**
 * The AnalysisTemplate `<name>-smoke`: GETs the blue-green preview every SMOKE_INTERVAL for as long
 * as the health metrics judge it. The preview has no clients and the probes are excluded from the
 * analysis (`metrics.excludedRequests`), so without these requests the pre-promotion run has no
 * sample, ends Inconclusive, and promoting only starts another one (argo-rollouts v1.7.2
 * rollout/analysis.go needsNewAnalysisRun). The Rollout runs it beside `<name>-health` in one
 * AnalysisRun (analysis-contract.ts previewAnalysisReference); after promotion clients are the traffic.
 */
export class WorkloadSmokeTemplate extends Construct {
  readonly metric: SmokeMetric;

  constructor(scope: Construct, id: string, props: WorkloadSmokeTemplateProps) {
    super(scope, id);
    this.metric = smokeMetric(props.workload, props.smokeTest);
    new ApiObject(this, 'Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AnalysisTemplate',
      metadata: {
        name: smokeTemplateName(props.workload),
        namespace: props.workload.namespace,
        labels: { 'app.kubernetes.io/name': props.workload.name, 'app.kubernetes.io/component': 'analysis' },
      },
      // No args: the URL is the preview Service, whatever version it shows.
      spec: { metrics: [this.metric] },
    });
  }
}
