import { isJsonObject } from '../../canonical-json';
import type { ComplianceUnit } from '../../estate-unit';

/**
 * The fields of a compliance result (constructs/rules/result.ts RuleResult, as report.json writes
 * it) that the compliance risk rules weigh.
 */
export interface ResultFacts {
  readonly status: string;
  /** `error` or `warning` (constructs/rules/types.ts RuleLevel). */
  readonly level: string;
  readonly field?: string;
  readonly value?: string;
  readonly problem?: string;
  readonly suppression?: { readonly reason: string; readonly expires: string };
}

export function factsOf(unit: ComplianceUnit): ResultFacts {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const { body } = unit;
  const held = isJsonObject(body.suppression) ? body.suppression : undefined;
  const field = text(body.field);
  const value = text(body.value);
  // Reasons are quoted in a one-line finding: their line breaks become spaces.
  const problem = text(body.problem)?.replace(/\s+/g, ' ');
  return {
    status: unit.status,
    level: text(body.level) ?? 'error',
    ...(field !== undefined ? { field } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(problem !== undefined ? { problem } : {}),
    ...(held !== undefined ? { suppression: { reason: (text(held.reason) ?? '(no reason)').replace(/\s+/g, ' '), expires: text(held.expires) ?? '(no expiry)' } } : {}),
  };
}

/** `tf-network-flow-logs on azurerm_virtual_network.vnet (dev, azure-network-dev-aks-weu)` */
export function resultLabel(unit: ComplianceUnit): string {
  const stack = typeof unit.body.unit === 'string' ? `, ${unit.body.unit}` : '';
  return `${unit.rule} on ${unit.resource} (${unit.environment}${stack})`;
}
