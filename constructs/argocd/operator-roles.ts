import { type ApplicationAction, ProjectRole } from './project-role';

export interface OperatorRolesProps {
  /** What the roles operate, as the descriptions name it: `applications`, `workloads`, `the applications of tenant payments`. */
  readonly what: string;
  /** Groups that see the applications and their logs. */
  readonly readers: readonly string[];
  /** Groups that also sync and run resource actions (Rollout promote, abort, retry) outside sync windows. */
  readonly deployers: readonly string[];
  /** Break-glass groups: sync from Git and run actions by hand, inside or outside a window. */
  readonly emergency: readonly string[];
  /** The environment has sync windows (production). */
  readonly windowed: boolean;
}

/**
 * The three roles of every AppProject the estate renders (platform, workloads, tenancy, each
 * tenant's): `read-only`, `deployer` and `emergency-override`. With sync windows, changes reach the
 * clusters through Git inside a window and a manual sync outside one is break-glass, so a deployer
 * only looks and the emergency role alone may sync. Nobody gets `override` (local manifests).
 */
export function operatorRoles(props: OperatorRolesProps): ProjectRole[] {
  const deployerActions: ApplicationAction[] = props.windowed ? ['get'] : ['get', 'sync', 'action/*'];
  return [
    new ProjectRole({ name: 'read-only', description: `View ${props.what} and their logs`, groups: props.readers, applicationActions: ['get'], readLogs: true }),
    new ProjectRole({
      name: 'deployer',
      description: props.windowed ? `View ${props.what}; deploy through Git inside sync windows` : `View, sync and run actions on ${props.what}`,
      groups: props.deployers,
      applicationActions: deployerActions,
      readLogs: true,
    }),
    new ProjectRole({
      name: 'emergency-override',
      description: 'Break-glass: sync from Git and run actions by hand, also outside sync windows',
      groups: props.emergency,
      applicationActions: ['get', 'sync', 'action/*'],
      readLogs: true,
    }),
  ];
}
