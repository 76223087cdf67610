import { Construct } from 'constructs';
import type { AppProject } from './app-project';
import { argoCdConfigMap } from './config-map';

export interface ArgoCdRbacProps {
  readonly projects: readonly AppProject[];
}

/**
 * `argocd-rbac-cm`, generated from the roles of the environment's AppProjects: deny by default,
 * groups from the SSO token's `groups` claim, one binding per role and group.
 */
export class ArgoCdRbac extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdRbacProps) {
    super(scope, id);
    const lines = props.projects.flatMap((project) =>
      project.roles.flatMap((role) => [...role.policies(project.name), ...role.groupBindings(project.name)]),
    );
    argoCdConfigMap(this, 'argocd-rbac-cm', {
      'policy.default': '',
      'policy.csv': lines.join('\n') + '\n',
      scopes: '[groups]',
    });
  }
}
