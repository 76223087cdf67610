import { Duration } from 'cdk8s';
import type { DeliveredWorkloadSpec } from '../types';

/**
 * podinfo (github.com/stefanprodan/podinfo 6.14.1), the example delivered workload: an HTTP server
 * on 9898 with /healthz and /readyz, Prometheus metrics on 9797 (`--port-metrics`), a request
 * counter `http_requests_total{status}` and a histogram `http_request_duration_seconds{method,path,status}`
 * (pkg/api/http/metrics.go); the analysis reads the histogram without the probes' requests. Its image runs as the user `app` (Dockerfile `adduser -S`, the first
 * free system ids of Alpine: 100, group 101), named, so the pod says the ids.
 *
 * The image is pulled from the platform registry, which mirrors ghcr.io/stefanprodan/podinfo (the
 * estate's allowed-image-registries policy admits nothing else in tenant namespaces).
 */
export const PODINFO_IMAGE = { repository: 'registry.gitops-cdk.example/stefanprodan/podinfo', tag: '6.14.1' } as const;

/**
 * Example digest of the mirrored 6.14.1 manifest (replace with the real one:
 * `crane digest registry.gitops-cdk.example/stefanprodan/podinfo:6.14.1`). Production runs by digest only.
 */
export const PODINFO_DIGEST = 'sha256:4f1a5e0c2b7d9e3a6c8f0b2d4e6a8c0e1f3a5b7c9d0e2f4a6b8c0d2e4f6a8b0c';

/** Everything but replicas, image pin and strategy, which differ per environment. */
const PODINFO_BASE = {
  name: 'podinfo',
  namespace: 'podinfo',
  args: ['--port=9898', '--port-metrics=9797', '--level=info'],
  user: { uid: 100, gid: 101 },
  // podinfo's --data-path.
  writablePaths: ['/data'],
  ports: [
    { name: 'http', containerPort: 9898 },
    { name: 'metrics', containerPort: 9797 },
  ],
  readiness: { path: '/readyz', port: 'http', initialDelay: Duration.seconds(2), period: Duration.seconds(5) },
  liveness: { path: '/healthz', port: 'http', initialDelay: Duration.seconds(5), period: Duration.seconds(10) },
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
  metrics: {
    port: 'metrics',
    path: '/metrics',
    // podinfo's middleware instruments every route of the HTTP server, the kubelet's probes too
    // (pkg/api/http/server.go registerMiddlewares), and labels requests by route template with
    // the slashes turned to _ and trimmed: /healthz is `healthz` (metrics.go urlToLabel). Only the
    // histogram has that label (`method`, `path`, `status`); `http_requests_total` has `status`
    // alone, so the success ratio reads the histogram's `_count`. `metrics` is the /metrics route of
    // the HTTP port, scraped by nobody here (Prometheus reads 9797, which is not instrumented) but
    // never client traffic either.
    requestsTotal: 'http_request_duration_seconds_count',
    statusLabel: 'status',
    latencyHistogram: 'http_request_duration_seconds',
    excludedRequests: { label: 'path', pattern: 'healthz|readyz|metrics' },
  },
  analysis: {
    minSuccessRatio: 0.99,
    maxLatencyP99: Duration.millis(500),
    maxCpuSaturation: 0.9,
    interval: Duration.minutes(1),
    count: 5,
    failureLimit: 1,
  },
} as const satisfies Omit<DeliveredWorkloadSpec, 'image' | 'replicas'>;

/** dev: two pods, rolled over one at a time, by tag. */
export const PODINFO_DEV: DeliveredWorkloadSpec = { ...PODINFO_BASE, image: PODINFO_IMAGE, replicas: 2 };

/** staging: four pods, the tier's canary (25 %, 50 %, then a person promotes), by tag. */
export const PODINFO_STAGING: DeliveredWorkloadSpec = { ...PODINFO_BASE, image: PODINFO_IMAGE, replicas: 4 };

/**
 * The preview's smoke request before promotion: podinfo's `/version` answers `{"commit":...,"version":...}`
 * on the HTTP port (6.14.1 pkg/api/http/version.go versionHandler); its path label `version` is not
 * excluded, so these requests are the traffic the pre-promotion analysis judges.
 */
const PODINFO_SMOKE_TEST = { path: '/version', port: 'http', jsonPath: '{$.version}' } as const;

/** prod: four pods, blue-green with analysis before and after a person promotes, by digest. */
export const PODINFO_PROD: DeliveredWorkloadSpec = {
  ...PODINFO_BASE,
  image: { ...PODINFO_IMAGE, digest: PODINFO_DIGEST },
  replicas: 4,
  strategy: 'blueGreen',
  smokeTest: PODINFO_SMOKE_TEST,
};
