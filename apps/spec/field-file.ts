import { existsSync } from 'node:fs';
import { PINS_FILE } from '../../environments/pins';

/** The list of environments: its own entries, and specs not written in a file of their own. */
export const ENVIRONMENTS_PATH = 'environments/index.ts';

/** Spec fields whose values come from environments/pins.json (pins.ts), not from the spec file. */
const PINNED_FIELDS: readonly RegExp[] = [/^charts(\.|$)/, /^kyverno\.(catalog|canaryPassed)$/];

/** Fields of the list of environments itself (fleet findings), written in environments/index.ts. */
const FLEET_LIST_FIELD = /^ENVIRONMENTS(\[|$)/;

/**
 * The file a finding's value lives in: pins.json for pinned versions, the list of environments for
 * its own entries (`ENVIRONMENTS[2].name`), else the environment's own file, or, for a spec not
 * written in `environments/<name>.ts`, the list that names it. A message never names a file that
 * does not exist.
 */
export function fileOfField(environment: string, field: string): string {
  if (PINNED_FIELDS.some((pattern) => pattern.test(field))) return PINS_FILE;
  if (FLEET_LIST_FIELD.test(field)) return ENVIRONMENTS_PATH;
  const own = `environments/${environment}.ts`;
  return existsSync(own) ? own : ENVIRONMENTS_PATH;
}
