import { Duration } from 'cdk8s';
import type { DeliveredWorkloadSpec, EnvironmentSpec, Tier } from '../../environments/types';
import { fixtureEnvironment } from './fixture-environment';

/** A trusted registry of the estate's allowed-image-registries policy (policies/support/trust.ts). */
export const FIXTURE_IMAGE_REPOSITORY = 'registry.gitops-cdk.example/fixture/echo';
export const FIXTURE_IMAGE_DIGEST = `sha256:${'ab'.repeat(32)}`;

/**
 * A delivered workload valid in every tier (4 replicas: the default quarter weights are exact; a
 * digest: production requires one; a smoke test: a production blue-green requires one), built without the example estate's podinfo. Overrides replace
 * whole top-level fields.
 */
export function fixtureWorkload(overrides: Partial<DeliveredWorkloadSpec> = {}): DeliveredWorkloadSpec {
  return {
    name: 'echo',
    namespace: 'echo',
    image: { repository: FIXTURE_IMAGE_REPOSITORY, tag: '2.1.0', digest: FIXTURE_IMAGE_DIGEST },
    user: { uid: 1000, gid: 1000 },
    replicas: 4,
    ports: [
      { name: 'http', containerPort: 8080 },
      { name: 'metrics', containerPort: 9090 },
    ],
    readiness: { path: '/ready', port: 'http' },
    liveness: { path: '/live', port: 'http', initialDelay: Duration.seconds(5) },
    resources: { requests: { cpu: '50m', memory: '32Mi' }, limits: { memory: '64Mi' } },
    metrics: { port: 'metrics', path: '/metrics', requestsTotal: 'http_requests_total', statusLabel: 'code', latencyHistogram: 'http_request_duration_seconds' },
    analysis: { minSuccessRatio: 0.99, maxLatencyP99: Duration.millis(300), maxCpuSaturation: 0.8, interval: Duration.seconds(30), count: 4, failureLimit: 1 },
    // Used only when the workload is blue-green (production requires it there); ignored by a canary.
    smokeTest: { path: '/echo', port: 'http' },
    ...overrides,
  };
}

/** The fixture environment of `tier` delivering `workloads` (the fixture workload by default). */
export function fixtureDeliveryEnvironment(tier: Tier, workloads: readonly DeliveredWorkloadSpec[] = [fixtureWorkload()]): EnvironmentSpec {
  return fixtureEnvironment({ tier, delivery: { workloads } });
}
