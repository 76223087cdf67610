import type { Duration } from 'cdk8s';
import { quantityValue } from '../../core/kubernetes-quantity';
import type { DeliveredWorkloadSpec } from '../delivery-spec';
import { excludedRequestsProblems } from './request-exclusion';

/** Shortest analysis interval: one scrape (kube-prometheus-stack scrapes every 30s); closer measurements read the same samples. */
export const MIN_ANALYSIS_INTERVAL_SECONDS = 30;

interface Problem {
  readonly field: string;
  readonly value: string;
  readonly fix: string;
}

function seconds(duration: Duration): number {
  return duration.toMilliseconds() / 1000;
}

function isWhole(value: number): boolean {
  return Number.isInteger(value);
}

/**
 * What the analysis of a workload cannot run with. Argo Rollouts refuses some of these only when
 * it creates the AnalysisRun, which then errors and aborts the release (argo-rollouts v1.8.0/v1.7.2
 * utils/analysis/factory.go ValidateMetric: count >= failureLimit, failureLimit >= 0 on v1.7.2,
 * interval when count > 1); the others would make a run that can never fail or never pass.
 */
export function analysisProblems(workload: DeliveredWorkloadSpec): Problem[] {
  const a = workload.analysis;
  const problems: Problem[] = [];
  if (!(a.minSuccessRatio > 0 && a.minSuccessRatio <= 1)) {
    problems.push({ field: 'minSuccessRatio', value: String(a.minSuccessRatio), fix: 'a share of responses: more than 0 and at most 1, e.g. 0.99' });
  }
  if (!(seconds(a.maxLatencyP99) > 0)) {
    problems.push({ field: 'maxLatencyP99', value: `${seconds(a.maxLatencyP99)}s`, fix: 'a latency above zero, e.g. Duration.millis(500)' });
  }
  const limitCores = a.maxCpuSaturation > 0 && workload.resources.limits.cpu !== undefined ? quantityValue(workload.resources.limits.cpu) : undefined;
  const requestCores = quantityValue(workload.resources.requests.cpu);
  const reachable = limitCores === undefined || requestCores === undefined || requestCores === 0 ? Number.POSITIVE_INFINITY : limitCores / requestCores;
  if (!(a.maxCpuSaturation > 0 && Number.isFinite(a.maxCpuSaturation))) {
    problems.push({ field: 'maxCpuSaturation', value: String(a.maxCpuSaturation), fix: 'a share of the CPU request above zero, e.g. 0.9' });
  } else if (a.maxCpuSaturation >= reachable) {
    problems.push({
      field: 'maxCpuSaturation',
      value: String(a.maxCpuSaturation),
      fix: `below ${reachable}, the CPU limit over the request (${workload.resources.limits.cpu} / ${workload.resources.requests.cpu}): throttled pods never exceed it, so the check could never fail`,
    });
  }
  if (!(isWhole(a.count) && a.count >= 1)) {
    problems.push({ field: 'count', value: String(a.count), fix: 'a whole number of measurements, at least 1 (a step analysis must end)' });
  }
  if (!(isWhole(a.failureLimit) && a.failureLimit >= 0)) {
    problems.push({
      field: 'failureLimit',
      value: String(a.failureLimit),
      fix: 'a whole number of failed measurements tolerated, 0 or more (-1 is refused by Argo Rollouts v1.7.2 in production)',
    });
  } else if (isWhole(a.count) && a.count >= 1 && a.failureLimit >= a.count) {
    problems.push({
      field: 'failureLimit',
      value: String(a.failureLimit),
      fix: `less than count (${a.count}): a run fails when more than failureLimit measurements fail, so with ${a.failureLimit} of ${a.count} it never could`,
    });
  }
  if (seconds(a.interval) < MIN_ANALYSIS_INTERVAL_SECONDS) {
    problems.push({
      field: 'interval',
      value: `${seconds(a.interval)}s`,
      fix: `at least ${MIN_ANALYSIS_INTERVAL_SECONDS}s (a scrape interval): closer measurements read the same samples`,
    });
  }
  return problems;
}

/**
 * Refuses a workload whose analysis cannot run as intended, naming the environment, its file,
 * each field with its value, and the fix.
 */
export function assertAnalysisSpec(environment: string, workload: DeliveredWorkloadSpec): void {
  const at = `delivery.workloads[name=${workload.name}]`;
  const lines = [
    ...analysisProblems(workload).map((p) => `${at}.analysis.${p.field} is ${p.value}; it must be ${p.fix}`),
    // The spec rule refuses these first; a program using the constructs directly meets them here.
    ...excludedRequestsProblems(workload.metrics).map((p) => `${at}.metrics.excludedRequests.${p.field} is ${JSON.stringify(p.value)}: it ${p.problem}; ${p.fix}`),
  ];
  if (lines.length === 0) return;
  throw new Error(`${environment}: environments/${environment}.ts: ${lines.join('; ')}`);
}
