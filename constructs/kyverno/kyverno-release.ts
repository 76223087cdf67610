/**
 * A Kyverno release the estate can run: the kyverno chart version that environments pin, the
 * Kyverno version that chart deploys (its `appVersion`), and the Kubernetes minors Kyverno supports.
 */
export interface KyvernoRelease {
  /** Version of the `kyverno` chart (https://kyverno.github.io/kyverno/). */
  readonly chart: string;
  /** Kyverno version the chart deploys; engines/kyverno-<version> builds it for the engine checks. */
  readonly kyverno: string;
  /** Oldest and newest Kubernetes minor of Kyverno's compatibility matrix. */
  readonly kubernetes: { readonly min: string; readonly max: string };
}

/**
 * The releases the estate supports. Before 1.16.3 Kyverno ignores a `failureActionOverrides`
 * entry that has only a `namespaceSelector` (pkg/policycache/cache.go,
 * `checkValidationFailureActionOverrides`), so staging's canary never enforced; before 1.13.5 it
 * can skip rules whose `match` has a `namespaceSelector` (CVE-2025-46342). 1.19.1 has both fixes.
 * Sources: charts/kyverno/Chart.yaml of github.com/kyverno/kyverno v1.19.1 (`version: 3.9.1`,
 * `appVersion: v1.19.1`); Kyverno's compatibility matrix (1.19: Kubernetes 1.33 to 1.35).
 */
export const KYVERNO_RELEASES: readonly KyvernoRelease[] = [{ chart: '3.9.1', kyverno: 'v1.19.1', kubernetes: { min: '1.33', max: '1.35' } }];

export function kyvernoReleaseOfChart(chart: string): KyvernoRelease | undefined {
  return KYVERNO_RELEASES.find((release) => release.chart === chart);
}

/** Compares Kubernetes minors such as `1.34` numerically. */
export function compareMinors(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** Whether the release supports a cluster at this Kubernetes minor. */
export function supportsKubernetes(release: KyvernoRelease, minor: string): boolean {
  return compareMinors(minor, release.kubernetes.min) >= 0 && compareMinors(minor, release.kubernetes.max) <= 0;
}
