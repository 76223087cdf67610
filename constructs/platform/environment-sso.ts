import type { OidcSingleSignOn } from '../argocd/argocd-sso';
import type { GrafanaSingleSignOn } from './addons/grafana-login';

/** The environment's single sign-on: Argo CD's, and Grafana's through the same provider. */
export interface EnvironmentSso extends OidcSingleSignOn {
  /**
   * Grafana (kube-prometheus-stack, every cluster) logs in through the same provider: deployer and
   * emergency groups get Grafana's Admin role, read-only groups Viewer, anyone else is refused;
   * production hides the login form (constructs/platform/addons/grafana-login.ts).
   * @default - no Grafana SSO: only Grafana's admin, from the Secret grafana-admin, logs in
   */
  readonly grafana?: GrafanaSingleSignOn;
}
