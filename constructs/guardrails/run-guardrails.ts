import type { EnvironmentSpec } from '../../environments/types';
import type { RenderedObject } from '../synth/kube-manifest';
import type { Guardrail } from './guardrail';
import type { Violation } from './violation';

/** Runs the guardrails of the environment's tier over its objects and returns every violation. */
export function runGuardrails(
  guardrails: readonly Guardrail[],
  objects: readonly RenderedObject[],
  spec: EnvironmentSpec,
): Violation[] {
  const active = guardrails.filter((g) => g.tiers.includes(spec.tier));
  return objects.flatMap((object) => active.flatMap((guardrail) => guardrail.check(object, spec)));
}
