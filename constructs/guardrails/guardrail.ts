import type { EnvironmentSpec } from '../../environments/types';
import type { Tier } from '../core/tier';
import type { RenderedObject } from '../synth/kube-manifest';
import type { Violation } from './violation';

/**
 * A check that refuses to synthesize. It reads the synthesized objects, not the constructs, so it
 * also catches what a hand-written ApiObject or a later construct slips in.
 */
export interface Guardrail {
  /** Stable id, e.g. `prod-no-auto-prune`. */
  readonly id: string;
  /** What it protects and why, for the README and the compliance report. */
  readonly description: string;
  /** The tiers it runs in. */
  readonly tiers: readonly Tier[];
  check(object: RenderedObject, spec: EnvironmentSpec): Violation[];
}

export const ALL_TIERS: readonly Tier[] = ['development', 'staging', 'production'];

/** Builds a violation located at the construct that produced the object. */
export function violationAt(
  object: RenderedObject,
  spec: EnvironmentSpec,
  guardrail: string,
  details: Pick<Violation, 'field' | 'value' | 'problem' | 'fix'>,
): Violation {
  return {
    environment: spec.name,
    path: object.constructPath,
    ...details,
    problem: `${details.problem} [${guardrail}]`,
  };
}
