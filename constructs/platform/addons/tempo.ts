import type { HelmValues } from '../../argocd/application-source';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';
import { TRACE_STORAGE, tempoDuration } from './tempo-retention';

/** OTLP ports (the OpenTelemetry defaults) applications send spans to: `tempo.monitoring:4317`. */
export const TEMPO_OTLP_PORTS = { grpc: 4317, http: 4318 } as const;

/** An OpenTelemetry receiver listening on every interface of the pod (Tempo 2.7 defaults to localhost). */
type OtlpProtocol = { readonly endpoint: string };

/** The values of grafana/tempo chart 1.18 (Tempo 2.7, single binary) gitops-cdk sets. */
type TempoValues = {
  /** A stable Service name (`tempo`), whatever the release is called. */
  readonly fullnameOverride: string;
  readonly tempo: {
    readonly retention: string;
    /**
     * OTLP on every interface; `null` removes the chart's OpenCensus receiver. The chart's Jaeger
     * receivers stay: chart 1.18.1's templates/_ports.tpl reads
     * `.Values.tempo.receivers.jaeger.protocols.<protocol>.endpoint` for the Service and container
     * ports without a guard, so `jaeger: null` (or any protocol of it null) fails every render with
     * a nil pointer (grafana/helm-charts#3495, unchanged up to tempo-1.24.4). Those ports are only
     * listened on, nothing else changes.
     */
    readonly receivers: {
      readonly opencensus: null;
      readonly otlp: { readonly protocols: { readonly grpc: OtlpProtocol; readonly http: OtlpProtocol } };
    };
    readonly resources: {
      readonly requests: { readonly cpu: string; readonly memory: string };
      readonly limits: { readonly memory: string };
    };
    /** No anonymous usage reports to Grafana Labs from inside the clusters. */
    readonly reportingEnabled: boolean;
  };
  /** Blocks and WAL on a volume, so a restart loses no traces within the retention. */
  readonly persistence: { readonly enabled: boolean; readonly size: string };
  readonly serviceMonitor: { readonly enabled: boolean };
};

/**
 * Grafana Tempo in single-binary mode on every cluster: applications send OTLP spans to
 * `tempo.monitoring`, Grafana queries it, Prometheus scrapes its metrics. Retention, disk and
 * resources follow the environment's tier (TRACE_STORAGE).
 */
export const TEMPO_ADDON: PlatformAddon<Pick<AddonEnvironment, 'tier'>> = {
  versionKey: 'tempo',
  name: 'tempo',
  chart: { repoUrl: 'https://grafana.github.io/helm-charts', chart: 'tempo' },
  namespace: 'monitoring',
  placement: 'every-cluster',
  serverSideApply: false,
  crds: [],
  values: (environment) => tempoValues(environment),
};

function tempoValues(environment: Pick<AddonEnvironment, 'tier'>): HelmValues {
  const storage = TRACE_STORAGE[environment.tier];
  const listen = (port: number): OtlpProtocol => ({ endpoint: `0.0.0.0:${port}` });
  const values: TempoValues = {
    fullnameOverride: 'tempo',
    tempo: {
      retention: tempoDuration(storage.retention),
      receivers: {
        opencensus: null,
        otlp: { protocols: { grpc: listen(TEMPO_OTLP_PORTS.grpc), http: listen(TEMPO_OTLP_PORTS.http) } },
      },
      resources: { requests: storage.requests, limits: storage.limits },
      reportingEnabled: false,
    },
    persistence: { enabled: true, size: storage.volumeSize },
    serviceMonitor: { enabled: true },
  };
  return values;
}
