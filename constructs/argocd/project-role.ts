/** An Argo CD RBAC action on applications (see Argo CD's RBAC docs). */
export type ApplicationAction = 'get' | 'sync' | 'override' | 'action/*' | 'delete';

export interface ProjectRoleProps {
  readonly name: string;
  readonly description: string;
  /** SSO groups bound to the role. */
  readonly groups: readonly string[];
  /** Actions the role may take on the project's applications. */
  readonly applicationActions: readonly ApplicationAction[];
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
    return this.props.applicationActions.map(
      (action) => `p, proj:${project}:${this.props.name}, applications, ${action}, ${project}/*, allow`,
    );
  }

  /** Casbin group bindings (`g, <group>, proj:<project>:<role>`). */
  groupBindings(project: string): string[] {
    return this.props.groups.map((group) => `g, ${group}, proj:${project}:${this.props.name}`);
  }
}
