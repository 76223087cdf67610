/** A policy catalog release: `major.minor.patch`, compared numerically. */
const RELEASE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function isCatalogRelease(value: string): boolean {
  return RELEASE.test(value);
}

function parts(release: string): [number, number, number] {
  const match = RELEASE.exec(release);
  if (match === null) throw new Error(`catalog release ${JSON.stringify(release)} is not major.minor.patch (e.g. 1.2.0)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative when `a` is older than `b`, zero when equal, positive when newer. */
export function compareReleases(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}
