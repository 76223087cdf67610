import type { ScenarioKind } from './bench-options';

/** The runs of one scenario, as the report reads them. */
export interface ScenarioResult {
  readonly id: string;
  readonly kind: ScenarioKind;
  readonly title: string;
  readonly clusters?: number;
  /** Wall time of each run, in round order. */
  readonly seconds: readonly number[];
  /** CPU time of each run, all its processes together. */
  readonly cpuSeconds: readonly number[];
  /** Peak memory of each run. */
  readonly maxRssBytes: readonly number[];
}

/** The result of the scenario of `kind` (and fleet size `clusters`), when it ran. */
export function resultOf(results: readonly ScenarioResult[], kind: ScenarioKind, clusters?: number): ScenarioResult | undefined {
  return results.find((r) => r.kind === kind && (clusters === undefined || r.clusters === clusters));
}

export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`;
}
