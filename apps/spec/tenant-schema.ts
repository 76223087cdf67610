import type {
  TenantApplicationSpec,
  TenantEgressSpec,
  TenantLimitsSpec,
  TenantNamespaceSpec,
  TenantPortSpec,
  TenantQuotaObject,
  TenantQuotaSpec,
  TenantSpec,
} from '../../constructs/tenancy/tenant-spec';
import { BUDGET_SCHEMA } from './budget-schema';
import { WORKLOAD_SCHEMA } from './delivery-schema';
import { array, boolean, number, object, oneOf, optional, type Schema, string } from './schema';

const OBJECT_COUNTS = object<Readonly<Partial<Record<TenantQuotaObject, number>>>>({
  configmaps: optional(number()),
  secrets: optional(number()),
  services: optional(number()),
  'services.loadbalancers': optional(number()),
  'services.nodeports': optional(number()),
  persistentvolumeclaims: optional(number()),
  replicationcontrollers: optional(number()),
});

const PORT = object<TenantPortSpec>({ port: number(), protocol: optional(oneOf({ TCP: true, UDP: true })) });

/** The shape of one `tenants` entry (value rules: apps/spec/rules/spec-tenant-*.ts). */
export const TENANT_SCHEMA: Schema<TenantSpec> = object<TenantSpec>({
  name: string(),
  description: string(),
  ownerGroups: array(string()),
  memberGroups: array(string()),
  viewerGroups: optional(array(string())),
  namespaces: array(object<TenantNamespaceSpec>({ name: string(), clusters: optional(array(string())) })),
  quota: object<TenantQuotaSpec>({
    cpu: string(),
    memory: string(),
    memoryLimit: string(),
    cpuLimit: optional(string()),
    pods: number(),
    storage: string(),
    objects: optional(OBJECT_COUNTS),
  }),
  limits: object<TenantLimitsSpec>({
    defaultRequest: object<TenantLimitsSpec['defaultRequest']>({ cpu: string(), memory: string() }),
    defaultLimit: object<TenantLimitsSpec['defaultLimit']>({ memory: string(), cpu: optional(string()) }),
    max: optional(object<NonNullable<TenantLimitsSpec['max']>>({ cpu: optional(string()), memory: optional(string()) })),
  }),
  podSecurity: optional(oneOf({ restricted: true, baseline: true })),
  egress: optional(
    array(object<TenantEgressSpec>({ name: string(), cidr: optional(string()), except: optional(array(string())), namespace: optional(string()), ports: array(PORT) })),
  ),
  applications: array(object<TenantApplicationSpec>({ name: string(), repoUrl: string(), revision: string(), path: string(), namespace: string() })),
  workloads: optional(array(WORKLOAD_SCHEMA)),
  policyCanary: optional(boolean()),
  costCentre: string(),
  budget: BUDGET_SCHEMA,
});
