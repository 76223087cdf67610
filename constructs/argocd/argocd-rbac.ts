import { Construct } from 'constructs';
import type { AppProject } from './app-project';
import { type ArgoCdSso, DEFAULT_RBAC_SCOPES, renderRbacScopes } from './argocd-sso';
import { argoCdConfigMap } from './config-map';

export interface ArgoCdRbacProps {
  readonly projects: readonly AppProject[];
  /**
   * The SSO whose groups claim the group bindings are matched against (`scopes`).
   * @default - Argo CD's default claim, `groups`
   */
  readonly sso?: ArgoCdSso;
}

/**
 * `argocd-rbac-cm`, generated from the roles of the environment's AppProjects: deny by default,
 * groups from the SSO token's groups claim (the SSO's `groupsClaim`), one binding per role and group.
 */
export class ArgoCdRbac extends Construct {
  constructor(scope: Construct, id: string, props: ArgoCdRbacProps) {
    super(scope, id);
    const lines = props.projects.flatMap((project) => project.roles.flatMap((role) => [...role.policies(project.name), ...role.groupBindings(project.name)]));
    argoCdConfigMap(this, 'argocd-rbac-cm', {
      'policy.default': '',
      'policy.csv': `${lines.join('\n')}\n`,
      scopes: renderRbacScopes(props.sso?.rbacScopes ?? DEFAULT_RBAC_SCOPES),
    });
  }
}
