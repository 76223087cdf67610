import type { Duration } from 'cdk8s';

/**
 * Progressive delivery of an environment's workloads through Argo Rollouts. The strategy comes from
 * the environment's tier (constructs/delivery): development rolls pods over as a Deployment would,
 * staging runs a canary with steps and analysis and waits for a person to promote it, production
 * runs a canary or blue-green (per workload) with analysis before and after promotion.
 */
export interface DeliverySpec {
  readonly workloads: readonly DeliveredWorkloadSpec[];
}

/** Production's choice per workload; the other tiers have one strategy each. */
export type DeliveryStrategy = 'canary' | 'blueGreen';

/** A container image, pinned: by digest (`sha256:...`), or by tag outside production. */
export interface ImageSpec {
  /** e.g. `ghcr.io/stefanprodan/podinfo`. */
  readonly repository: string;
  readonly tag?: string;
  /** `sha256:<64 hex>`; production requires it. */
  readonly digest?: string;
}

export interface WorkloadPortSpec {
  /** IANA-style port name (`http`, `metrics`): the Services and the analysis refer to it. */
  readonly name: string;
  readonly containerPort: number;
}

/** An HTTP GET probe on a named port of the workload. */
export interface HttpProbeSpec {
  readonly path: string;
  readonly port: string;
  readonly initialDelay?: Duration;
  readonly period?: Duration;
}

export interface ResourcesSpec {
  /** Kubernetes quantities, e.g. `100m`, `128Mi`. */
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly memory: string; readonly cpu?: string };
}

/**
 * Requests the analysis and its alerts leave out, by a label of the workload's request series:
 * kubelet probes (always 200, fast) would otherwise dominate the success ratio and the latency of
 * a version with little client traffic, and pass a blue-green preview that gets none.
 */
export interface ExcludedRequestsSpec {
  /** A label both `requestsTotal` and `latencyHistogram` carry, e.g. podinfo's `path`. */
  readonly label: string;
  /**
   * RE2 on that label's value, fully anchored by Prometheus (so no `^`/`$`), rendered as a `!~`
   * matcher, e.g. `healthz|readyz`. It must not match the empty value: series without the label
   * would be left out too.
   */
  readonly pattern: string;
}

/**
 * The workload's own metrics the analysis and its alerts read: a request counter with a status
 * label and a latency histogram (what podinfo, most HTTP middlewares and the Prometheus client
 * libraries expose).
 */
export interface WorkloadMetricsSpec {
  /** The port Prometheus scrapes (a name from `ports`). */
  readonly port: string;
  readonly path: string;
  /**
   * Counter of requests, e.g. `http_requests_total`. With `excludedRequests`, a counter carrying
   * the exclusion's label: the histogram's own `_count` serves (podinfo's `http_requests_total` has
   * only `status`, its `http_request_duration_seconds_count` has `method`, `path` and `status`).
   */
  readonly requestsTotal: string;
  /** The label of that counter holding the HTTP status code, e.g. `status`. */
  readonly statusLabel: string;
  /** Histogram of request durations in seconds, without `_bucket`, e.g. `http_request_duration_seconds`. */
  readonly latencyHistogram: string;
  /** Requests not judged (probes, the metrics endpoint). @default - every request counts */
  readonly excludedRequests?: ExcludedRequestsSpec;
}

/** What a healthy release looks like; a canary or a preview that misses any of these is rolled back. */
export interface AnalysisThresholds {
  /** Smallest share of non-5xx responses, 0 < x <= 1 (e.g. 0.99). */
  readonly minSuccessRatio: number;
  /** Largest 99th percentile latency. */
  readonly maxLatencyP99: Duration;
  /** Largest share of the CPU request used, e.g. 0.9. */
  readonly maxCpuSaturation: number;
  /** Time between two measurements of one analysis. */
  readonly interval: Duration;
  /** Measurements per analysis run. */
  readonly count: number;
  /** Failed measurements tolerated before the run fails (and the rollout aborts). */
  readonly failureLimit: number;
}

/** One canary step: shift this share of the pods to the new version, then wait (or, without `pause`, wait for a person). */
export interface CanaryStepSpec {
  /** Percentage of replicas running the new version, 1-100. */
  readonly weight: number;
  /** @default - an indefinite pause: a person promotes */
  readonly pause?: Duration;
}

/**
 * A request the blue-green pre-promotion analysis sends to the preview Service (Argo Rollouts' `web`
 * metric, GET, every few seconds): the preview has no clients, so these requests are the traffic the
 * health metrics judge, and each answer is a functional check of the new version. A measurement is
 * an Error when the answer is not 2xx, or, with `jsonPath`, when the JSON answer lacks that field
 * (argo-rollouts v1.7.2/v1.8.0 metricproviders/webmetric/webmetric.go Run, parseResponse): too many
 * in a row abort the release. No success condition: the field's presence is the check, so no
 * expression over an arbitrary JSON value has to be proved.
 */
export interface SmokeTestSpec {
  /** Absolute path, e.g. podinfo's `/version`; not a path `metrics.excludedRequests` leaves out, or the requests are no traffic. */
  readonly path: string;
  /** A port the workload serves (a name from `ports`, not the metrics port). */
  readonly port: string;
  /**
   * A field the JSON answer must have, in Kubernetes JSONPath (`{$.version}`). Only JSON is read: at
   * v1.7.2 an answer that is not JSON is Successful whatever the path. @default - any 2xx answer passes
   */
  readonly jsonPath?: string;
}

/** A Deployment-shaped workload delivered as an Argo Rollouts Rollout. */
export interface DeliveredWorkloadSpec {
  /** DNS label: the Rollout, its Services and its analysis are named after it. */
  readonly name: string;
  readonly namespace: string;
  /** @default - every workload cluster of the environment (the management cluster when it has none) */
  readonly clusters?: readonly string[];
  readonly image: ImageSpec;
  /** Container arguments. @default - the image's own command and arguments */
  readonly args?: readonly string[];
  /**
   * The numeric user and group the container runs as: never root, and numeric so the kubelet can
   * verify `runAsNonRoot` for an image whose `USER` is a name. @default 65532/65532
   */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** Paths the process writes to, each an emptyDir under the read-only root filesystem (`/tmp` always is). @default - none */
  readonly writablePaths?: readonly string[];
  readonly replicas: number;
  readonly ports: readonly WorkloadPortSpec[];
  readonly readiness: HttpProbeSpec;
  readonly liveness: HttpProbeSpec;
  readonly resources: ResourcesSpec;
  readonly metrics: WorkloadMetricsSpec;
  readonly analysis: AnalysisThresholds;
  /** Production only. @default 'canary' */
  readonly strategy?: DeliveryStrategy;
  /**
   * The smoke request of the blue-green pre-promotion analysis; required for `strategy: 'blueGreen'`
   * (the preview has no other traffic). @default - none
   */
  readonly smokeTest?: SmokeTestSpec;
  /** Canary steps for staging and a production canary. @default - the tier's steps (constructs/delivery) */
  readonly canarySteps?: readonly CanaryStepSpec[];
}
