import { ssoProblems } from '../constructs/argocd/argocd-sso';
import { type Finding, finding } from './findings';
import type { EnvironmentSpec } from './types';

/**
 * Checks of the environment's Argo CD single sign-on (`sso`). The format rules live with the
 * construct (constructs/argocd/argocd-sso.ts `ssoProblems`) so that the construct and the spec
 * validation never disagree; the tier rule lives here.
 */

type Check = (spec: EnvironmentSpec) => readonly Finding[];

const checkSsoFields: Check = (spec) =>
  spec.sso === undefined || spec.sso === null
    ? []
    : ssoProblems(spec.sso).map((problem) => finding(`sso.${problem.field}`, problem.value, problem.problem, problem.fix));

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

export const SSO_CHECKS: readonly Check[] = [checkSsoFields, checkProductionSso];
