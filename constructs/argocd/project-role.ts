/**
 * An Argo CD RBAC action on applications (see Argo CD's RBAC docs). `override` is deliberately
 * absent: Argo CD checks it only for a sync with local manifests (`argocd app sync --local`;
 * argoproj/argo-cd server/application/application.go `Sync`, `syncReq.Manifests != nil`, v2.13.2
 * and v2.14.2), which deploys what is on someone's laptop instead of Git. A break-glass sync from
 * Git, also outside a sync window with `manualSync`, needs `sync` only.
 */
export type ApplicationAction = 'get' | 'sync' | 'action/*' | 'delete';

export interface ProjectRoleProps {
  readonly name: string;
  readonly description: string;
  /** SSO groups bound to the role. */
  readonly groups: readonly string[];
  /** Actions the role may take on the project's applications. */
  readonly applicationActions: readonly ApplicationAction[];
  /**
   * Let the role read the logs of the project's applications (`logs, get`). Argo CD 3 enforces it
   * always; 2.x only when `server.rbac.log.enforce.enable` is true, and accepts `logs` as a project
   * role resource from 2.4 on (argoproj/argo-cd pkg/apis/application/v1alpha1/types.go
   * `validResources`, v2.13.2 and v2.14.2), so the line is harmless before the upgrade.
   * @default false
   */
  readonly readLogs?: boolean;
}

/**
 * A role of an AppProject. The same object renders the AppProject's `spec.roles` entry and the
 * `argocd-rbac-cm` policy lines, so the two can never disagree.
 */
export class ProjectRole {
  constructor(readonly props: ProjectRoleProps) {}

  get name(): string {
    return this.props.name;
  }

  /** Casbin policy lines (`p, proj:<project>:<role>, applications, <action>, <project>/*, allow`). */
  policies(project: string): string[] {
    const line = (resource: string, action: string) => `p, proj:${project}:${this.props.name}, ${resource}, ${action}, ${project}/*, allow`;
    return [...this.props.applicationActions.map((action) => line('applications', action)), ...((this.props.readLogs ?? false) ? [line('logs', 'get')] : [])];
  }

  /** Casbin group bindings (`g, <group>, proj:<project>:<role>`). */
  groupBindings(project: string): string[] {
    return this.props.groups.map((group) => `g, ${group}, proj:${project}:${this.props.name}`);
  }
}
