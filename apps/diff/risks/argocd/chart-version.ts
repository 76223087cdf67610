/**
 * Helm chart versions as Argo CD reads an Application's `targetRevision` for a chart: a revision
 * that parses as a version (Masterminds semver v3.3.0 NewVersion, the library Argo CD v2.13.2 uses in
 * util/helm/version.go IsVersion) is that exact version; anything else is a constraint (`^1.2`,
 * `1.2.x`, `>=1.0`, `*`) resolved to the highest matching version in the repository at every
 * refresh (reposerver/repository/repository.go, newHelmClientResolveRevision).
 */
export interface ChartVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  /** Pre-release identifiers (`rc.1` -> ['rc', '1']); empty for a release. */
  readonly prerelease: readonly string[];
}

// The pattern of Masterminds semver v3.3.0 version.go semVerRegex: a leading `v`, minor and patch
// optional (`1.2` is 1.2.0), a pre-release and build metadata.
const VERSION = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

/** The exact version a revision names, or undefined when it is a constraint (or empty: the latest). */
export function exactChartVersion(revision: string): ChartVersion | undefined {
  const match = VERSION.exec(revision);
  if (match === null) return undefined;
  const part = (text: string | undefined): number => (text === undefined ? 0 : Number(text.replace('.', '')));
  return { major: part(match[1]), minor: part(match[2]), patch: part(match[3]), prerelease: match[5] !== undefined ? match[5].split('.') : [] };
}

/** Negative when `a` precedes `b`, positive when it follows, 0 when equal (SemVer 2.0 precedence; build metadata ignored). */
export function compareChartVersions(a: ChartVersion, b: ChartVersion): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  // A release follows its pre-releases: 1.0.0-rc.1 < 1.0.0.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    const [xNumeric, yNumeric] = [/^[0-9]+$/.test(x), /^[0-9]+$/.test(y)];
    // Numeric identifiers compare as numbers and precede alphanumeric ones.
    if (xNumeric && yNumeric) return Math.sign(Number(x) - Number(y));
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
