import { isJsonObject } from '../canonical-json';
import type { ComplianceUnit, JsonObject, JsonValue } from '../estate-unit';

/**
 * The results of one environment's file of the compliance report (dist/compliance/results/<env>.jsonl,
 * one result per line: constructs/rules/report-result-lines.ts), one unit per rule on a resource,
 * keyed by rule, engine, unit and path. A suppressed result's line carries its suppression (reason and
 * expiry), so extending a suppression is a change of the unit. The report's totals (report.json) are
 * not units: they follow from the results.
 */
export function complianceUnits(file: string, text: string): ComplianceUnit[] {
  const units: ComplianceUnit[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const result = parseLine(file, index + 1, line);
    const { environment, rule, resource, status } = result;
    if (typeof environment !== 'string' || typeof rule !== 'string' || typeof resource !== 'string' || typeof status !== 'string') {
      throw new Error(`${file}:${index + 1}: not a compliance result (expected environment, rule, resource and status)`);
    }
    // Two findings of one rule on one resource are told apart by field, which the key does not
    // carry: the second of a key is numbered, in the file's (sorted) order.
    const occurrence = (seen.get(resultKey(result)) ?? 0) + 1;
    seen.set(resultKey(result), occurrence);
    const key = occurrence === 1 ? resultKey(result) : `${resultKey(result)} #${occurrence}`;
    units.push({ engine: 'compliance', environment, key, file, rule, resource, status, body: result });
  });
  return units;
}

function parseLine(file: string, number: number, line: string): JsonObject {
  let value: JsonValue;
  try {
    value = JSON.parse(line) as JsonValue;
  } catch (error) {
    throw new Error(`${file}:${number}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(value)) throw new Error(`${file}:${number}: not a compliance result (expected a JSON object)`);
  return value;
}

function resultKey(result: JsonObject): string {
  const text = (field: string): string => (typeof result[field] === 'string' ? (result[field] as string) : '');
  return `${text('rule')} × ${text('engine')}/${text('unit')}/${text('path')}`;
}
