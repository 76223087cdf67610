import { ssoProblems } from '../../constructs/argocd/argocd-sso';
import { grafanaSsoProblems } from '../../constructs/platform/addons/grafana-login';
import { type Finding, finding } from '../../constructs/core/finding';
import type { EnvironmentSpec } from '../../environments/types';

/**
 * Checks of the environment's Argo CD single sign-on (`sso`). The format rules live with the
 * construct (constructs/argocd/argocd-sso.ts `ssoProblems`) so that the construct and the spec
 * validation never disagree; the tier rule lives here.
 */

type Check = (spec: EnvironmentSpec) => readonly Finding[];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const checkSsoFields: Check = (spec) =>
  spec.sso === undefined || spec.sso === null
    ? []
    : ssoProblems(spec.sso).map((problem) => finding(`sso.${problem.field}`, problem.value, problem.problem, problem.fix));

/** Grafana's SSO (`sso.grafana`): format rules with the construct (grafana-login.ts), for this spec's clusters. */
const checkGrafanaSsoFields: Check = (spec) => {
  const grafana = spec.sso?.grafana;
  if (grafana === undefined || grafana === null) return [];
  // Cluster names the cluster checks refuse are reported there once, not again as a missing URL.
  const clusters = Array.isArray(spec.clusters) ? spec.clusters.map((cluster) => cluster.name).filter((name) => DNS_LABEL.test(name) && name.length <= 40) : [];
  return grafanaSsoProblems(grafana, clusters).map((problem) => finding(`sso.grafana.${problem.field}`, problem.value, problem.problem, problem.fix));
};

/**
 * Production: SSO is the only way in. Without it the local `admin` (one shared password, every
 * permission) is the only login and no group binding of argocd-rbac-cm, the break-glass role
 * included, ever applies; with `localAdmin` the shared password remains as a bypass of the groups.
 */
const checkProductionSso: Check = (spec) => {
  if (spec.tier !== 'production') return [];
  if (spec.sso === undefined || spec.sso === null) {
    return [
      finding(
        'sso',
        spec.sso,
        'production requires single sign-on: without it the local admin is the only login and the group-bound roles (the break-glass role included) never apply',
        "set sso: { ...PLATFORM_SSO, url: 'https://argocd.<env>.acme.example', clientId: '<client id>' } (environments/shared.ts)",
      ),
    ];
  }
  return spec.sso.localAdmin === true
    ? [
        finding(
          'sso.localAdmin',
          spec.sso.localAdmin,
          'production disables the local admin: its shared password bypasses the SSO groups and the break-glass role',
          'remove sso.localAdmin (default false); emergencies use the emergency group',
        ),
      ]
    : [];
};

export const SSO_CHECKS: readonly Check[] = [checkSsoFields, checkGrafanaSsoFields, checkProductionSso];

/**
 * Fleet check: two environments cannot share an Argo CD URL. The provider redirects a login to
 * `<url>/auth/callback`, so the second environment's users would land in the first one's Argo CD
 * (a copy-paste of the spec). Returns the findings with the environment they belong to.
 */
export function checkSsoUrlsUnique(specs: readonly EnvironmentSpec[]): { readonly environment: string; readonly found: Finding }[] {
  const owner = new Map<string, string>();
  return specs.flatMap((spec) => {
    const url = spec.sso?.url;
    if (typeof url !== 'string') return [];
    const key = url.replace(/\/+$/, '').toLowerCase();
    const first = owner.get(key);
    if (first === undefined) owner.set(key, spec.name);
    return first === undefined || first === spec.name
      ? []
      : [
          {
            environment: spec.name,
            found: finding(
              'sso.url',
              url,
              `is already the Argo CD URL of environment ${JSON.stringify(first)}: logins would be redirected to the other environment's Argo CD`,
              `give each environment its own address, e.g. 'https://argocd.${spec.name}.acme.example'`,
            ),
          },
        ];
  });
}
