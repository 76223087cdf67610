import type { FleetFinding, FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { fleetFinding } from './support/fleet-finding';

/**
 * Two environments cannot share an Argo CD URL. The provider redirects a login to
 * `<url>/auth/callback`, so the second environment's users would land in the first one's Argo CD
 * (a copy-paste of the spec).
 */
export const specSsoUrlsUnique: FleetRule<EnvironmentSpec> = {
  id: 'spec-sso-urls-unique',
  engine: 'fleet',
  level: 'error',
  title: 'Every environment has its own Argo CD address',
  rationale: "The identity provider redirects logins to <url>/auth/callback: with a shared URL one environment's users sign in to another environment's Argo CD.",
  controls: { soc2: ['CC6.1'], pciDss: [], iso27001: ['A.8.5'], gdpr: [] },
  check: (specs) => {
    const owner = new Map<string, string>();
    return specs.flatMap((spec): FleetFinding[] => {
      const url = spec.sso?.url;
      if (typeof url !== 'string') return [];
      const key = url.replace(/\/+$/, '').toLowerCase();
      const first = owner.get(key);
      if (first === undefined) owner.set(key, spec.name);
      return first === undefined || first === spec.name
        ? []
        : [
            fleetFinding(
              spec.name,
              'sso.url',
              url,
              `is already the Argo CD URL of environment ${JSON.stringify(first)}: logins would be redirected to the other environment's Argo CD`,
              `give each environment its own address, e.g. 'https://argocd.${spec.name}.acme.example'`,
            ),
          ];
    });
  },
};
