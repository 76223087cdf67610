import PINS_JSON from './pins.json';
import type { ChartVersions, KyvernoSpec } from './types';

/** Where the pins live; `npm run promote` edits this file and nothing else. */
export const PINS_FILE = 'environments/pins.json';

/**
 * The versions an environment runs, kept as data apart from the hand-written specs so that
 * promotion (`npm run promote -- --from staging --to prod`) is a reviewed edit of data only.
 */
export interface EnvironmentPins {
  /** Upstream Helm chart versions of the platform add-ons. */
  readonly charts: ChartVersions;
  /** Policy catalog release (policies/catalog.ts). */
  readonly policyCatalog: string;
  /** Canary environments: the newest release whose policies passed their canary. */
  readonly policyCanaryPassed?: string;
}

export type PinsFile = Readonly<Record<string, EnvironmentPins>>;

// Assigning the JSON to the type makes tsc check the file's shape.
const PINS: PinsFile = PINS_JSON;

export function pinsOf(environment: string, pins: PinsFile = PINS): EnvironmentPins {
  const found = pins[environment];
  if (found === undefined) {
    throw new Error(`${PINS_FILE} has no entry for environment "${environment}": add one with its chart versions and policyCatalog release`);
  }
  return found;
}

/** The Kyverno part of a spec that comes from the pins. */
export function kyvernoPins(pins: EnvironmentPins): Pick<KyvernoSpec, 'catalog' | 'canaryPassed'> {
  return { catalog: pins.policyCatalog, ...(pins.policyCanaryPassed !== undefined ? { canaryPassed: pins.policyCanaryPassed } : {}) };
}
