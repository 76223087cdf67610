import type { FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { fleetFinding } from './support/fleet-finding';

/** Names become dist/k8s/<name>/: two environments with one name overwrite each other's manifests. */
export const specEnvironmentNamesUnique: FleetRule<EnvironmentSpec> = {
  id: 'spec-environment-names-unique',
  engine: 'fleet',
  level: 'error',
  title: 'Environment names are unique',
  rationale: "Each environment renders to dist/k8s/<name>/: two of one name overwrite each other's manifests.",
  controls: NO_CONTROLS,
  check: (specs) =>
    specs.flatMap((spec, index) =>
      specs.findIndex((other) => other.name === spec.name) === index
        ? []
        : [
            fleetFinding(
              spec.name,
              `ENVIRONMENTS[${index}].name`,
              spec.name,
              'environment names must be unique: both would render to the same dist/k8s/<name>/ directory',
              'rename one of the environments',
            ),
          ],
    ),
};
