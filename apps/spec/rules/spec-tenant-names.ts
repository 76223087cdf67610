import { type Finding, unless } from '../../../constructs/core/finding';
import { isDnsLabel } from '../../../constructs/core/kubernetes-names';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachTenant } from './support/tenants';

/** Longest name Kubernetes takes as a label value: the tenant label on namespaces and cost series. */
const MAX_NAME = 63;

function uniqueDnsLabels(names: readonly string[], at: (index: number) => string, what: string, collision: string): Finding[] {
  return names.flatMap((name, i) => [
    ...unless(
      isDnsLabel(name, MAX_NAME),
      at(i),
      name,
      `is not a DNS label (lower-case letters, digits and '-', starting with a letter, at most ${MAX_NAME})`,
      `rename the ${what}, e.g. 'payments'`,
    ),
    ...unless(names.indexOf(name) === i, at(i), name, `another ${what} has this name: ${collision}`, `give each ${what} its own name`),
  ]);
}

/**
 * A tenant's name becomes its namespace label, its AppProject `tenant-<name>`, its folders
 * `tenant-<name>-<cluster>` and its cost label; an application's its ApplicationSet; an egress's
 * its NetworkPolicy `tenant-egress-<name>`.
 */
export const specTenantNames: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-names',
  engine: 'spec',
  level: 'error',
  title: 'Tenants, their applications and egress destinations have unique DNS-label names',
  rationale:
    'Two tenants of one name would share an AppProject, a namespace label and a cost series, so each could deploy into and read the other; ' +
    'a name Kubernetes refuses fails the sync of every object it labels or names.',
  controls: NO_CONTROLS,
  check: (spec) => [
    ...uniqueDnsLabels(
      (spec.tenants ?? []).map((t) => t.name),
      (i) => `tenants[${i}].name`,
      'tenant',
      'their namespaces, AppProjects and cost series would merge',
    ),
    ...eachTenant(spec, (tenant, at) => [
      ...uniqueDnsLabels(
        tenant.applications.map((a) => a.name),
        (i) => `${at}.applications[${i}].name`,
        'application of the tenant',
        'their ApplicationSets would collide',
      ),
      ...uniqueDnsLabels(
        (tenant.egress ?? []).map((e) => e.name),
        (i) => `${at}.egress[${i}].name`,
        'egress destination of the tenant',
        'their NetworkPolicies would collide and one destination would silently stay closed',
      ),
    ]),
  ],
};
