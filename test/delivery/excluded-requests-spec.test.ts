import type { ExcludedRequestsSpec, WorkloadMetricsSpec } from '../../constructs/delivery/delivery-spec';
import { deliveredWorkloadsMonitoring } from '../../constructs/monitoring/domains/delivered-workloads';
import type { EnvironmentSpec } from '../../environments/types';
import { PODINFO_DEV, PODINFO_PROD, PODINFO_STAGING } from '../../environments/workloads/podinfo';
import { specViolations } from '../environments/spec-violations';
import { fixtureDeliveryEnvironment, fixtureWorkload } from '../support/fixture-workload';

const BASE_METRICS = fixtureWorkload().metrics;

function excluding(excludedRequests: ExcludedRequestsSpec, metrics: Partial<WorkloadMetricsSpec> = {}): EnvironmentSpec {
  return fixtureDeliveryEnvironment('production', [fixtureWorkload({ metrics: { ...BASE_METRICS, ...metrics, excludedRequests } })]);
}

function exclusionViolations(spec: EnvironmentSpec) {
  return specViolations(spec).filter((v) => v.field.includes('excludedRequests'));
}

/** podinfo's label for a route (pkg/api/http/metrics.go urlToLabel, 6.14.1): runs of other characters become `_`, trimmed, lower case. */
function podinfoPathLabel(route: string): string {
  return (
    route
      .replace(/[^a-zA-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase() || 'root'
  );
}

describe('the spec check of excludedRequests', () => {
  it('accepts a label and an unanchored pattern of alternatives', () => {
    expect(specViolations(excluding({ label: 'path', pattern: 'healthz|readyz' }))).toEqual([]);
    expect(specViolations(excluding({ label: 'handler', pattern: '/(healthz|readyz)|[^a-z]+_debug' }))).toEqual([]);
    // RE2's leading case-insensitive flag, which JavaScript has no inline form for.
    expect(specViolations(excluding({ label: 'path', pattern: '(?i)HEALTHZ|readyz' }))).toEqual([]);
  });

  it.each([
    ['a label name Prometheus refuses', { label: 'http-path', pattern: 'healthz' }, 'label', /is not a Prometheus label name/],
    ['the status label (it would hide errors)', { label: 'code', pattern: '5..' }, 'label', /excluding by status would hide the errors/],
    ["the histogram's bucket label", { label: 'le', pattern: '0.1' }, 'label', /cuts buckets, not requests/],
    ['an empty pattern', { label: 'path', pattern: '' }, 'pattern', /is empty/],
    ['a pattern that does not compile', { label: 'path', pattern: 'healthz|(readyz' }, 'pattern', /not a regular expression Prometheus \(RE2\) reads/],
    ['lookahead, which RE2 lacks', { label: 'path', pattern: '(?!api).*z' }, 'pattern', /not a regular expression Prometheus \(RE2\) reads/],
    ['an anchor', { label: 'path', pattern: '^healthz$' }, 'pattern', /has an anchor/],
    ['an anchor in an alternative', { label: 'path', pattern: 'healthz|readyz$' }, 'pattern', /has an anchor/],
    ["RE2's text anchor", { label: 'path', pattern: '\\Ahealthz' }, 'pattern', /has an anchor/],
    ['a pattern matching the empty value', { label: 'path', pattern: 'healthz|' }, 'pattern', /matches the empty value/],
  ] as const)('refuses %s, naming environment, file, field, value and fix', (_what, excluded, field, problem) => {
    expect(exclusionViolations(excluding(excluded))).toEqual([
      expect.objectContaining({
        environment: 'live',
        field: `delivery.workloads[0].metrics.excludedRequests.${field}`,
        value: JSON.stringify(excluded[field]),
        problem: expect.stringMatching(problem),
        fix: expect.stringMatching(/\S/),
      }),
    ]);
  });

  it('refuses a pattern of the wrong shape before any value rule', () => {
    const spec = excluding({ label: 'path', pattern: 7 as unknown as string });
    expect(specViolations(spec).map((v) => v.field)).toEqual(['delivery.workloads[0].metrics.excludedRequests.pattern']);
  });
});

describe('the constructs, used without the spec rules', () => {
  it('refuse an exclusion Prometheus would read otherwise, naming environment, file, field, value and fix', () => {
    const workload = fixtureWorkload({ metrics: { ...BASE_METRICS, excludedRequests: { label: 'path', pattern: '^healthz$' } } });
    expect(() => deliveredWorkloadsMonitoring({ name: 'live', tier: 'production', delivery: { workloads: [workload] } })).toThrow(
      'live: environments/live.ts: delivery.workloads[name=echo].metrics.excludedRequests.pattern is "^healthz$": it has an anchor',
    );
  });
});

describe("podinfo's analysis", () => {
  const all = [PODINFO_DEV, PODINFO_STAGING, PODINFO_PROD];

  it("leaves out the kubelet's probes, as podinfo labels them, and judges client routes", () => {
    for (const workload of all) {
      const excluded = workload.metrics.excludedRequests;
      expect(excluded?.label).toBe('path');
      const leftOut = new RegExp(`^(?:${excluded?.pattern})$`);
      expect([workload.readiness.path, workload.liveness.path].map(podinfoPathLabel).filter((p) => !leftOut.test(p))).toEqual([]);
      expect(['/', '/api/info', '/echo', '/version'].map(podinfoPathLabel).filter((p) => leftOut.test(p))).toEqual([]);
    }
  });

  it("reads the success ratio from the histogram's _count, the counter that has the path label", () => {
    for (const workload of all) expect(workload.metrics.requestsTotal).toBe(`${workload.metrics.latencyHistogram}_count`);
  });
});
