import { isJsonArray, isJsonObject } from '../canonical-json';
import type { ComplianceUnit, JsonObject, JsonValue } from '../estate-unit';

/**
 * The results of the compliance report (dist/compliance/report.json), one unit per rule on a
 * resource, keyed by rule, engine, unit and path. A suppressed result carries its suppression (reason
 * and expiry, from the report's `suppressions`), so extending a suppression is a change of the unit.
 * The report's totals are not units: they follow from the results.
 */
export function complianceUnits(file: string, report: JsonValue): ComplianceUnit[] {
  if (!isJsonObject(report)) throw new Error(`${file}: not a compliance report (expected a JSON object with \`results\`)`);
  const suppressions = new Map<string, JsonObject>();
  for (const entry of isJsonArray(report.suppressions) ? report.suppressions : []) {
    if (isJsonObject(entry) && isJsonObject(entry.suppression)) suppressions.set(resultKey(entry), entry.suppression);
  }
  const units: ComplianceUnit[] = [];
  const seen = new Map<string, number>();
  for (const result of isJsonArray(report.results) ? report.results : []) {
    if (!isJsonObject(result)) continue;
    const { environment, rule, resource, status } = result;
    if (typeof environment !== 'string' || typeof rule !== 'string' || typeof resource !== 'string' || typeof status !== 'string') continue;
    const suppression = suppressions.get(resultKey(result));
    // The report keeps two findings of one rule on one resource apart by field, which `results`
    // does not carry: the second of a key is numbered, in the report's (sorted) order.
    const occurrence = (seen.get(resultKey(result)) ?? 0) + 1;
    seen.set(resultKey(result), occurrence);
    const key = occurrence === 1 ? resultKey(result) : `${resultKey(result)} #${occurrence}`;
    units.push({ engine: 'compliance', environment, key, file, rule, resource, status, body: suppression !== undefined ? { ...result, suppression } : result });
  }
  return units;
}

function resultKey(result: JsonObject): string {
  const text = (field: string): string => (typeof result[field] === 'string' ? (result[field] as string) : '');
  return `${text('rule')} × ${text('engine')}/${text('unit')}/${text('path')}`;
}
