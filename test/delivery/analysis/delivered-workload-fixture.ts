import { Duration } from 'cdk8s';
import type { AnalysisThresholds, DeliveredWorkloadSpec } from '../../../constructs/delivery/delivery-spec';

/** A podinfo-like workload with the thresholds of a strict production release; overrides replace whole fields. */
export function fixtureWorkload(overrides: Partial<DeliveredWorkloadSpec> = {}): DeliveredWorkloadSpec {
  return {
    name: 'podinfo',
    namespace: 'podinfo',
    image: { repository: 'ghcr.io/stefanprodan/podinfo', digest: `sha256:${'a'.repeat(64)}` },
    replicas: 4,
    ports: [{ name: 'http', containerPort: 9898 }],
    readiness: { path: '/readyz', port: 'http' },
    liveness: { path: '/healthz', port: 'http' },
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi', cpu: '200m' } },
    metrics: { port: 'http', path: '/metrics', requestsTotal: 'http_requests_total', statusLabel: 'status', latencyHistogram: 'http_request_duration_seconds' },
    analysis: fixtureThresholds(),
    ...overrides,
  };
}

export function fixtureThresholds(overrides: Partial<AnalysisThresholds> = {}): AnalysisThresholds {
  return {
    minSuccessRatio: 0.99,
    maxLatencyP99: Duration.millis(500),
    maxCpuSaturation: 0.9,
    interval: Duration.minutes(1),
    count: 5,
    failureLimit: 1,
    ...overrides,
  };
}
