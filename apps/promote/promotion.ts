import { type EnvironmentPins, PINS_FILE, type PinsFile, pinsOf } from '../../environments/pins';
import type { EnvironmentSpec } from '../../environments/types';

/** One pin that a promotion or canary completion changes. */
export interface PinChange {
  readonly environment: string;
  readonly field: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

export interface PinEdit {
  readonly pins: PinsFile;
  readonly changes: readonly PinChange[];
}

/** A promotion the rules forbid; the message says which rule and what to do instead. */
export class PromotionRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromotionRefusedError';
  }
}

function specNamed(specs: readonly EnvironmentSpec[], name: string): EnvironmentSpec {
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined) throw new PromotionRefusedError(`unknown environment "${name}"; known: ${specs.map((s) => s.name).join(', ')}`);
  return spec;
}

/** The stages from the first one to `name`, following `promotesFrom`. */
function chainTo(specs: readonly EnvironmentSpec[], name: string): string[] {
  const chain = [name];
  for (let spec = specNamed(specs, name); spec.promotesFrom !== undefined; spec = specNamed(specs, spec.promotesFrom)) {
    if (chain.includes(spec.promotesFrom)) break;
    chain.unshift(spec.promotesFrom);
  }
  return chain;
}

function diff(environment: string, before: EnvironmentPins, after: EnvironmentPins): PinChange[] {
  const fields: [string, string | undefined, string | undefined][] = [
    ...Object.keys(after.charts).map((chart): [string, string | undefined, string | undefined] => [
      `charts.${chart}`,
      before.charts[chart as keyof EnvironmentPins['charts']],
      after.charts[chart as keyof EnvironmentPins['charts']],
    ]),
    ['policyCatalog', before.policyCatalog, after.policyCatalog],
    ['policyCanaryPassed', before.policyCanaryPassed, after.policyCanaryPassed],
  ];
  return fields.filter(([, a, b]) => a !== b).map(([field, a, b]) => ({ environment, field, from: a, to: b }));
}

/**
 * The pins after promoting `from` to `to`: `to` receives `from`'s chart versions and policy
 * catalog release. Refused when `to` does not promote from `from` (no skipping a stage), and when
 * `from` is a canary stage whose canary has not passed.
 */
export function planPromotion(pins: PinsFile, specs: readonly EnvironmentSpec[], from: string, to: string): PinEdit {
  const source = specNamed(specs, from);
  const target = specNamed(specs, to);
  if (target.promotesFrom !== from) {
    const chain = chainTo(specs, to);
    throw new PromotionRefusedError(
      target.promotesFrom === undefined
        ? `${to} is the first stage and promotes from no environment; it takes new versions in ${PINS_FILE} directly`
        : `${to} promotes from ${target.promotesFrom} only, not from ${from}: no stage is skipped (path: ${chain.join(' -> ')}). ` +
            `Promote ${from} -> ${chain[chain.indexOf(from) + 1] ?? target.promotesFrom} first`,
    );
  }
  const sourcePins = pinsOf(from, pins);
  if (source.kyverno.mode === 'canary' && sourcePins.policyCanaryPassed !== sourcePins.policyCatalog) {
    throw new PromotionRefusedError(
      `${from} is still canarying policy catalog ${sourcePins.policyCatalog} (passed: ${sourcePins.policyCanaryPassed ?? 'none'}); ` +
        `when the canary namespaces are clean, run npm run promote -- --complete-canary ${from}, then promote`,
    );
  }
  const before = pinsOf(to, pins);
  const after: EnvironmentPins = {
    charts: { ...sourcePins.charts },
    policyCatalog: sourcePins.policyCatalog,
    // A canary target keeps what already passed; the promoted release's new policies canary there.
    ...(before.policyCanaryPassed !== undefined ? { policyCanaryPassed: before.policyCanaryPassed } : {}),
  };
  return { pins: { ...pins, [to]: after }, changes: diff(to, before, after) };
}

/**
 * Ends the canary stage of `environment`: its pinned catalog release has passed. Refused outside
 * canary mode, and where the environment has tenants but none is a policy canary (then nothing
 * the spec knows enforced the new revisions).
 */
export function completeCanary(pins: PinsFile, specs: readonly EnvironmentSpec[], environment: string): PinEdit {
  const spec = specNamed(specs, environment);
  if (spec.kyverno.mode !== 'canary') {
    throw new PromotionRefusedError(`${environment} runs kyverno mode ${spec.kyverno.mode}, not canary: there is no canary stage to complete`);
  }
  // The canary is evidence only where revisions enforced: on the namespaces of tenants marked
  // policyCanary. An environment without tenants canaries on namespaces labelled outside the spec.
  const tenants = spec.tenants ?? [];
  if (tenants.length > 0 && !tenants.some((tenant) => tenant.policyCanary === true)) {
    throw new PromotionRefusedError(
      `${environment} names no policy canary among its tenants (${tenants.map((t) => t.name).join(', ')}): the revisions under canary enforced on none of their namespaces, so nothing shows they are safe to enforce. ` +
        `Set policyCanary: true on a tenant of ${environment}, let the revisions enforce there, then complete the canary`,
    );
  }
  const before = pinsOf(environment, pins);
  const after: EnvironmentPins = { ...before, policyCanaryPassed: before.policyCatalog };
  return { pins: { ...pins, [environment]: after }, changes: diff(environment, before, after) };
}

/** The pins file as `npm run promote` writes it: two-space JSON, environments in fleet order. */
export function pinsFileText(pins: PinsFile, order: readonly string[]): string {
  const ordered = Object.fromEntries([...Object.keys(pins)].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b)).map((name) => [name, pins[name]]));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function rank(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i === -1 ? order.length : i;
}
