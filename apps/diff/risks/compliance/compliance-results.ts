import type { Tier } from '../../../../constructs/core/tier';
import { isJsonObject } from '../../canonical-json';
import type { ComplianceUnit, JsonObject } from '../../estate-unit';
import { highInProduction, type RiskLevel } from '../risk-rule';

/**
 * The fields of a compliance result (constructs/rules/result.ts RuleResult, as a line of
 * dist/compliance/results/<env>.jsonl writes it) that the compliance risk rules weigh.
 */
export interface ResultFacts {
  readonly status: string;
  /** `error` or `warning` (constructs/rules/types.ts RuleLevel). */
  readonly level: string;
  readonly field?: string;
  readonly value?: string;
  readonly problem?: string;
  /** `expires` is undefined when the report records none: a suppression that never lapses (the results file is edited by hand or by another writer). */
  readonly suppression?: { readonly reason: string; readonly expires?: string };
}

/**
 * The level of a compliance finding, the same for both compliance rules (a result newly failing and
 * one newly suppressed hide the same problem): an `error` is what the project's own checks refuse
 * (constructs/rules/report.ts counts failErrors apart): high in production, medium elsewhere; a
 * `warning`: medium in production, low elsewhere.
 */
export function complianceLevel(resultLevel: string, tier: Tier): RiskLevel {
  if (resultLevel === 'warning') return tier === 'production' ? 'medium' : 'low';
  return highInProduction(tier);
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
    ...(held !== undefined ? { suppression: suppressionOf(held) } : {}),
  };
}

function suppressionOf(held: JsonObject): NonNullable<ResultFacts['suppression']> {
  const reason = (typeof held.reason === 'string' ? held.reason : '(no reason)').replace(/\s+/g, ' ');
  return typeof held.expires === 'string' ? { reason, expires: held.expires } : { reason };
}

/** `tf-network-flow-logs on azurerm_virtual_network.vnet (dev, azure-network-dev-aks-weu)` */
export function resultLabel(unit: ComplianceUnit): string {
  const stack = typeof unit.body.unit === 'string' ? `, ${unit.body.unit}` : '';
  return `${unit.rule} on ${unit.resource} (${unit.environment}${stack})`;
}
