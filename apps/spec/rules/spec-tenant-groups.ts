import { type Finding, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { tenantGroups } from './support/tenant-groups';
import { eachTenant } from './support/tenants';

/**
 * Why a group name cannot be used, or undefined. Argo CD writes it into a `g, <group>, <role>`
 * line of the project policy and refuses a project whose group holds `"`, a newline, carriage
 * return or tab, an unquoted comma, or leading/trailing spaces (argo-cd v2.14.2
 * pkg/apis/application/v1alpha1/types.go, project role group validation). Kubernetes takes any
 * non-empty string as a Group subject, but `system:` groups are its own (`system:authenticated`
 * is every user): binding one would grant the tenant's role to them.
 */
function groupProblem(group: string): string | undefined {
  if (group.trim().length === 0) return 'is empty';
  if (/["\n\r\t]/.test(group)) return 'holds a quote, newline, carriage return or tab, which Argo CD refuses in a project role group';
  if (group.includes(',')) return "holds a comma, which splits Argo CD's policy line";
  if (group !== group.trim()) return 'starts or ends with a space, which Argo CD refuses in a project role group';
  if (group.startsWith('system:')) return "is a Kubernetes system group (system:authenticated is every user), not the tenant's SSO group";
  return undefined;
}

/**
 * Each tenant is owned by at least one SSO group, and every group it names is one Argo CD and
 * Kubernetes take as written.
 */
export const specTenantGroups: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-groups',
  engine: 'spec',
  level: 'error',
  title: 'Tenants have an owner group, and every tenant group is a name Argo CD and Kubernetes accept',
  rationale:
    'A tenant without owners has nobody who can operate it; a group Argo CD refuses fails the whole AppProject, and a Kubernetes system group ' +
    'would hand the tenant role to every user of the cluster.',
  controls: { soc2: ['CC6.1', 'CC6.2'], pciDss: ['7.2.1'], iso27001: ['A.5.15', 'A.5.18'], gdpr: [] },
  check: (spec) =>
    eachTenant(spec, (tenant, at): Finding[] => [
      ...unless(
        tenant.ownerGroups.length > 0,
        `${at}.ownerGroups`,
        tenant.ownerGroups,
        'lists no group: nobody would be admin of its namespaces or operate its applications',
        "name the team's leads group, e.g. ['payments-leads']",
      ),
      ...tenantGroups(tenant, at).flatMap(({ group, field }) => {
        const problem = groupProblem(group);
        return unless(problem === undefined, field, group, problem ?? '', 'use the group name exactly as the SSO provider sends it, e.g. payments-developers');
      }),
    ]),
};
