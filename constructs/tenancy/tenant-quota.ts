import type { ILimitRange } from 'kubernetes-models/v1/LimitRange';
import type { IResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { TENANT_OBJECT_NAMES } from './tenant-object-names';
import type { TenantLimitsSpec, TenantQuotaSpec } from './tenant-spec';

/**
 * The tenant's ResourceQuota in one namespace. Counts are strings, as quantities are (and as
 * Kyverno's generated `default-quota` writes them). `limits.cpu` only when the spec caps it: CPU
 * limits throttle, while requests are what the scheduler reserves and what the capacity check sums.
 * A quota on `requests.*`/`limits.*` makes the API server refuse pods that state no value for them
 * (k8s.io/apiserver@v0.34.4 pkg/admission/plugin/resourcequota/controller.go, `CheckRequest`):
 * the LimitRange's defaults fill them in first (LimitRanger is a mutating plugin, quota validates).
 */
export function tenantResourceQuota(namespace: string, quota: TenantQuotaSpec): IResourceQuota {
  const objects = Object.entries(quota.objects ?? {})
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: TENANT_OBJECT_NAMES.quota, namespace },
    spec: {
      hard: {
        'requests.cpu': quota.cpu,
        'requests.memory': quota.memory,
        ...(quota.cpuLimit === undefined ? {} : { 'limits.cpu': quota.cpuLimit }),
        'limits.memory': quota.memoryLimit,
        'requests.storage': quota.storage,
        pods: String(quota.pods),
        ...Object.fromEntries(objects.map(([name, count]) => [name, String(count)])),
      },
    },
  };
}

/**
 * The tenant's LimitRange in one namespace: what a container that states nothing gets, and the
 * most one may ask for. When `max.cpu` is set and no default CPU limit is, the API server stores
 * `default.cpu = max.cpu` anyway (kubernetes v1.34.4 pkg/apis/core/v1/defaults.go
 * `SetDefaults_LimitRangeItem`), and it must: a `max` refuses every container without a limit
 * of that resource (plugin/pkg/admission/limitranger/admission.go `maxConstraint`, "No limit is
 * specified"). The manifest states that default itself, so dist/ shows what is in force.
 */
export function tenantLimitRange(namespace: string, limits: TenantLimitsSpec): ILimitRange {
  const defaultCpu = limits.defaultLimit.cpu ?? limits.max?.cpu;
  const max = { ...(limits.max?.cpu === undefined ? {} : { cpu: limits.max.cpu }), ...(limits.max?.memory === undefined ? {} : { memory: limits.max.memory }) };
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: TENANT_OBJECT_NAMES.limits, namespace },
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: limits.defaultRequest.cpu, memory: limits.defaultRequest.memory },
          default: { ...(defaultCpu === undefined ? {} : { cpu: defaultCpu }), memory: limits.defaultLimit.memory },
          ...(Object.keys(max).length === 0 ? {} : { max }),
        },
      ],
    },
  };
}
