import type {
  AnalysisThresholds,
  CanaryStepSpec,
  DeliveredWorkloadSpec,
  DeliverySpec,
  ExcludedRequestsSpec,
  HttpProbeSpec,
  ImageSpec,
  ResourcesSpec,
  SmokeTestSpec,
  WorkloadMetricsSpec,
  WorkloadPortSpec,
} from '../../constructs/delivery/delivery-spec';
import { array, duration, number, object, oneOf, optional, type Schema, string } from './schema';

const PROBE = object<HttpProbeSpec>({ path: string(), port: string(), initialDelay: optional(duration()), period: optional(duration()) });

/** One delivered workload: the environment's (`delivery.workloads`) and a tenant's (`tenants[].workloads`). */
export const WORKLOAD_SCHEMA: Schema<DeliveredWorkloadSpec> = object<DeliveredWorkloadSpec>({
  name: string(),
  namespace: string(),
  clusters: optional(array(string())),
  image: object<ImageSpec>({ repository: string(), tag: optional(string()), digest: optional(string()) }),
  args: optional(array(string())),
  user: optional(object<NonNullable<DeliveredWorkloadSpec['user']>>({ uid: number(), gid: number() })),
  writablePaths: optional(array(string())),
  replicas: number(),
  ports: array(object<WorkloadPortSpec>({ name: string(), containerPort: number() })),
  readiness: PROBE,
  liveness: PROBE,
  resources: object<ResourcesSpec>({
    requests: object<ResourcesSpec['requests']>({ cpu: string(), memory: string() }),
    limits: object<ResourcesSpec['limits']>({ memory: string(), cpu: optional(string()) }),
  }),
  metrics: object<WorkloadMetricsSpec>({
    port: string(),
    path: string(),
    requestsTotal: string(),
    statusLabel: string(),
    latencyHistogram: string(),
    excludedRequests: optional(object<ExcludedRequestsSpec>({ label: string(), pattern: string() })),
  }),
  analysis: object<AnalysisThresholds>({
    minSuccessRatio: number(),
    maxLatencyP99: duration(),
    maxCpuSaturation: number(),
    interval: duration(),
    count: number(),
    failureLimit: number(),
  }),
  strategy: optional(oneOf({ canary: true, blueGreen: true })),
  smokeTest: optional(object<SmokeTestSpec>({ path: string(), port: string(), jsonPath: optional(string()) })),
  canarySteps: optional(array(object<CanaryStepSpec>({ weight: number(), pause: optional(duration()) }))),
});

/** The shape of `delivery` (value rules: apps/spec/rules and constructs/delivery). */
export const DELIVERY_SCHEMA: Schema<DeliverySpec> = object<DeliverySpec>({ workloads: array(WORKLOAD_SCHEMA) });
