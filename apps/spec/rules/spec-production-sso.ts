import { finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * Production: SSO is the only way in. Without it the local `admin` (one shared password, every
 * permission) is the only login and no group binding of argocd-rbac-cm, the break-glass role
 * included, ever applies; with `localAdmin` the shared password remains as a bypass of the groups.
 */
export const specProductionSso: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-sso',
  engine: 'spec',
  level: 'error',
  title: 'Production logs in through single sign-on only',
  rationale: "A shared local admin password is one identity for everyone with every permission: nobody's actions are attributable, and it bypasses the group-bound roles.",
  controls: { soc2: ['CC6.1', 'CC6.2'], pciDss: ['8.2.1', '8.2.2'], iso27001: ['A.5.16', 'A.8.5'], gdpr: ['Art. 32'] },
  tiers: ['production'],
  check: (spec) => {
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
  },
};
