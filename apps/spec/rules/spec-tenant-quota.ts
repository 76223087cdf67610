import { type Finding, unless } from '../../../constructs/core/finding';
import { quantityProblem, quantityValue } from '../../../constructs/core/kubernetes-quantity';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec, TenantSpec } from '../../../environments/types';
import { eachTenant } from './support/tenants';

interface Quantity {
  readonly field: string;
  readonly value: string | undefined;
}

function quantities(tenant: TenantSpec, at: string): Quantity[] {
  const { quota, limits } = tenant;
  const q = (field: string, value: string | undefined): Quantity => ({ field: `${at}.${field}`, value });
  return [
    q('quota.cpu', quota.cpu),
    q('quota.memory', quota.memory),
    q('quota.memoryLimit', quota.memoryLimit),
    q('quota.cpuLimit', quota.cpuLimit),
    q('quota.storage', quota.storage),
    q('limits.defaultRequest.cpu', limits.defaultRequest.cpu),
    q('limits.defaultRequest.memory', limits.defaultRequest.memory),
    q('limits.defaultLimit.cpu', limits.defaultLimit.cpu),
    q('limits.defaultLimit.memory', limits.defaultLimit.memory),
    q('limits.max.cpu', limits.max?.cpu),
    q('limits.max.memory', limits.max?.memory),
  ].filter((x) => x.value !== undefined);
}

/** `lower ≤ upper` when both are set and parse; each pair names the field that moves. */
function atMost(at: string, lower: [string, string | undefined], upper: [string, string | undefined], why: string): Finding[] {
  const [lowerField, lowerValue] = lower;
  const [upperField, upperValue] = upper;
  const low = lowerValue === undefined ? undefined : quantityValue(lowerValue);
  const high = upperValue === undefined ? undefined : quantityValue(upperValue);
  if (low === undefined || high === undefined) return [];
  return unless(
    low <= high,
    `${at}.${lowerField}`,
    lowerValue,
    `is more than ${upperField} (${upperValue}): ${why}`,
    `lower ${lowerField} to at most ${upperValue}, or raise ${upperField}`,
  );
}

function orderFindings(tenant: TenantSpec, at: string): Finding[] {
  const { quota, limits } = tenant;
  // What the API server stores as the default CPU limit when none is given but a maximum is (tenant-quota.ts).
  const defaultCpuLimit = limits.defaultLimit.cpu ?? limits.max?.cpu;
  return [
    ...atMost(
      at,
      ['limits.defaultRequest.cpu', limits.defaultRequest.cpu],
      ['limits.defaultLimit.cpu', defaultCpuLimit],
      'the API server refuses a LimitRange whose default request exceeds its default limit',
    ),
    ...atMost(
      at,
      ['limits.defaultRequest.memory', limits.defaultRequest.memory],
      ['limits.defaultLimit.memory', limits.defaultLimit.memory],
      'the API server refuses a LimitRange whose default request exceeds its default limit',
    ),
    ...atMost(
      at,
      ['limits.defaultLimit.cpu', limits.defaultLimit.cpu],
      ['limits.max.cpu', limits.max?.cpu],
      'the API server refuses a LimitRange whose default exceeds its maximum',
    ),
    ...atMost(
      at,
      ['limits.defaultLimit.memory', limits.defaultLimit.memory],
      ['limits.max.memory', limits.max?.memory],
      'the API server refuses a LimitRange whose default exceeds its maximum',
    ),
    ...atMost(at, ['limits.defaultRequest.cpu', limits.defaultRequest.cpu], ['quota.cpu', quota.cpu], 'no container relying on the default could ever start'),
    ...atMost(at, ['limits.defaultRequest.memory', limits.defaultRequest.memory], ['quota.memory', quota.memory], 'no container relying on the default could ever start'),
    ...atMost(at, ['limits.defaultLimit.memory', limits.defaultLimit.memory], ['quota.memoryLimit', quota.memoryLimit], 'no container relying on the default could ever start'),
    ...atMost(at, ['limits.defaultLimit.cpu', defaultCpuLimit], ['quota.cpuLimit', quota.cpuLimit], 'no container relying on the default could ever start'),
    // A quota on limits.cpu refuses every pod that states no CPU limit (apiserver v0.34.4
    // resourcequota controller.go CheckRequest); only a default CPU limit fills it in.
    ...unless(
      quota.cpuLimit === undefined || defaultCpuLimit !== undefined,
      `${at}.quota.cpuLimit`,
      quota.cpuLimit,
      'caps limits.cpu, but the LimitRange gives containers no default CPU limit: every pod that states none is refused by the quota',
      'set limits.defaultLimit.cpu (or limits.max.cpu), or leave quota.cpuLimit out',
    ),
  ];
}

function countFindings(tenant: TenantSpec, at: string): Finding[] {
  return [
    ...unless(
      Number.isInteger(tenant.quota.pods) && tenant.quota.pods > 0,
      `${at}.quota.pods`,
      tenant.quota.pods,
      'must be a whole number above 0: a quota of 0 pods runs nothing',
      'set e.g. 20',
    ),
    ...Object.entries(tenant.quota.objects ?? {}).flatMap(([name, count]) =>
      unless(Number.isInteger(count) && (count ?? -1) >= 0, `${at}.quota.objects.${name}`, count, 'must be a whole number, 0 or more', 'set e.g. 10, or 0 to forbid the kind'),
    ),
  ];
}

/**
 * Every quota and limit of a tenant parses as a Kubernetes quantity, a container's defaults fit
 * the LimitRange's maximum and the namespace quota (defaultRequest ≤ defaultLimit ≤ max;
 * defaultRequest ≤ quota), and the pod count admits pods. The API server refuses a LimitRange
 * whose defaults exceed its maximum (kubernetes v1.34.4 pkg/apis/core/validation ValidateLimitRange),
 * so Argo CD's sync would fail; defaults above the quota admit no pod that relies on them.
 */
export const specTenantQuota: SpecRule<EnvironmentSpec> = {
  id: 'spec-tenant-quota',
  engine: 'spec',
  level: 'error',
  title: "Tenant quotas and limits are quantities whose defaults fit the tenant's maximum and quota",
  rationale:
    'A quantity the API server cannot read fails the sync of the quota or LimitRange, leaving the namespace without its bounds; ' +
    'defaults above the maximum or the quota make every pod that relies on them fail admission.',
  controls: { soc2: ['A1.1'], pciDss: [], iso27001: ['A.8.6'], gdpr: [] },
  check: (spec) =>
    eachTenant(spec, (tenant, at) => [
      ...quantities(tenant, at).flatMap(({ field, value }) => {
        const problem = quantityProblem(value);
        return unless(problem === undefined, field, value, problem ?? '', "write a Kubernetes quantity: CPU as '500m' or '2', memory and storage as '512Mi' or '4Gi'");
      }),
      ...orderFindings(tenant, at),
      ...countFindings(tenant, at),
    ]),
};
