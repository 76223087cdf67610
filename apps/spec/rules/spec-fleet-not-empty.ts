import type { FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { fleetFinding } from './support/fleet-finding';

/** The environment a finding about the whole (empty) fleet is reported for. */
export const WHOLE_FLEET = 'all';

export const specFleetNotEmpty: FleetRule<EnvironmentSpec> = {
  id: 'spec-fleet-not-empty',
  engine: 'fleet',
  level: 'error',
  title: 'The fleet lists at least one environment',
  rationale: 'With no environment listed synth would build nothing and report success.',
  controls: NO_CONTROLS,
  check: (specs) =>
    specs.length > 0
      ? []
      : [fleetFinding(WHOLE_FLEET, 'ENVIRONMENTS', [], 'no environment is listed: synth would build nothing and report success', 'add the environments to ENVIRONMENTS')],
};
