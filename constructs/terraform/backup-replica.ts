import type { Cloud } from '../core/cloud';
import type { TerraformEnvironment } from './terraform-environment';

/**
 * Where the environment's backup store on `cloud` keeps its copy: the state replica's region or
 * location on that cloud (`infrastructure.stateReplica`) when `backup.replicated` is set, none
 * otherwise. A replicated store on a cloud without a state replica is refused: the backups would
 * silently stay in one region.
 */
export function backupReplicaRegion(spec: Pick<TerraformEnvironment, 'name' | 'backup' | 'infrastructure'>, cloud: Cloud): string | undefined {
  if (spec.backup.replicated !== true) return undefined;
  const region = spec.infrastructure.stateReplica?.[cloud];
  if (region === undefined) {
    throw new Error(
      `${spec.name}: environments/${spec.name}.ts: backup.replicated is true, but infrastructure.stateReplica.${cloud} is not set, so the ${cloud} backup store has no second region ` +
        `(fix: set infrastructure.stateReplica.${cloud} to the region of the copy, or set backup.replicated: false)`,
    );
  }
  return region;
}
