/** Code-point order, the same on every machine (no locale): what every sorted list of the diff uses. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
