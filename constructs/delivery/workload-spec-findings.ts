import type { Finding } from '../core/finding';
import type { Tier } from '../core/tier';
import { excludedRequestsProblems } from './analysis/request-exclusion';
import type { DeliveredWorkloadSpec } from './delivery-spec';
import { smokeTestFindings } from './smoke-test-findings';
import { deliveredWorkloadFindings } from './workload-findings';

/**
 * Everything wrong with one delivered workload's spec at `at` (`delivery.workloads[0]`,
 * `tenants[1].workloads[0]`): names, image pinning, ports and probes, strategy and analysis
 * (workload-findings.ts), the requests its analysis leaves out (a label and a regex Prometheus
 * reads as meant) and a blue-green preview's smoke requests. The platform's workloads and the
 * tenants' are checked by this one function.
 */
export function workloadSpecFindings(tier: Tier, workload: DeliveredWorkloadSpec, at: string): Finding[] {
  return [
    ...deliveredWorkloadFindings(tier, workload, at),
    ...excludedRequestsProblems(workload.metrics).map((p) => ({ field: `${at}.metrics.excludedRequests.${p.field}`, value: p.value, problem: p.problem, fix: p.fix })),
    ...smokeTestFindings(tier, workload, at),
  ];
}
