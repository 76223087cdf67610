import { Duration } from 'cdk8s';
import type { Tier } from '../../core/tier';

/** How much trace history one environment tier keeps, and the disk and compute that takes. */
export interface TraceStorageProfile {
  /** Tempo `compactor.compaction.block_retention`: blocks older than this are deleted. */
  readonly retention: Duration;
  /** PersistentVolume of the single binary's local block store (WAL and blocks). */
  readonly volumeSize: string;
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly memory: string };
}

/**
 * Traces answer "what happened in this request" while an incident or a rollout is fresh:
 * development needs the last day or two, staging a week of release testing, production two weeks
 * so a regression can be traced back across a release train. Disk grows with retention.
 */
export const TRACE_STORAGE: Readonly<Record<Tier, TraceStorageProfile>> = {
  development: {
    retention: Duration.hours(48),
    volumeSize: '10Gi',
    requests: { cpu: '100m', memory: '512Mi' },
    limits: { memory: '1Gi' },
  },
  staging: {
    retention: Duration.days(7),
    volumeSize: '30Gi',
    requests: { cpu: '250m', memory: '1Gi' },
    limits: { memory: '2Gi' },
  },
  production: {
    retention: Duration.days(14),
    volumeSize: '100Gi',
    requests: { cpu: '500m', memory: '2Gi' },
    limits: { memory: '4Gi' },
  },
};

/** A retention as Tempo reads it: a Go duration in whole hours (`336h`); Go has no day unit. */
export function tempoDuration(retention: Duration): string {
  return `${retention.toHours()}h`;
}
