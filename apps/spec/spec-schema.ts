import type { SecretKeyReference } from '../../constructs/argocd/argocd-sso';
import type { GrafanaSingleSignOn } from '../../constructs/platform/addons/grafana-login';
import type {
  AccessSpec,
  AksClusterSpec,
  ApiAccessSpec,
  AwsAccount,
  AzureSubscription,
  BreakGlassSpec,
  ChartVersions,
  CiIdentitySpec,
  CloudAccounts,
  ClusterSpec,
  DriftDetectionSpec,
  DriftRemediation,
  DriftSeverity,
  EksClusterSpec,
  EnvironmentSpec,
  EnvironmentSso,
  FailOpenPolicy,
  GcpProject,
  GitOpsSource,
  GkeClusterSpec,
  InfrastructureSpec,
  KyvernoSpec,
  NodePoolSpec,
  NotificationSpec,
  RevisionPolicy,
  SyncSpec,
  SyncWindowSpec,
} from '../../environments/types';
import { BACKUP_SCHEMA } from './backup-schema';
import { BUDGET_SCHEMA } from './budget-schema';
import { DELIVERY_SCHEMA } from './delivery-schema';
import { array, boolean, discriminated, duration, type FieldSchemas, literal, number, object, oneOf, optional, type Schema, string, stringMap } from './schema';
import { SECRETS_SCHEMA } from './secrets-schema';
import { TENANT_SCHEMA } from './tenant-schema';

/**
 * The shape of an `EnvironmentSpec`, checked at run time before any other check (rules/spec-shape.ts): every
 * field's type and allowed values, so a typo ends in a report naming environment, file, field, value
 * and fix instead of a TypeError inside synth.
 *
 * HOW TO ADD A SPEC FIELD. Add it to its interface in types.ts, then here to the `object<...>({ ... })`
 * of that interface: `FieldSchemas<T>` requires an entry for every field of T, optional ones included,
 * so `npm test` (tsc) fails with "Property 'x' is missing" until you do, and names the object. Pick
 * the schema that matches the type (`string()`, `number()`, `boolean()`,
 * `duration()`, `oneOf<Union>({ a: true, b: true })` for a string union, `array(...)`,
 * `optional(...)` for `x?:`, `object<Interface>({...})` for a nested interface, `discriminated(...)`
 * for a union told apart by a field). Value rules (formats, ranges, the rules of each tier) go in
 * rules/ (one rule per file); this file only says what type a field has.
 */

const SEVERITY = oneOf<DriftSeverity>({ critical: true, warning: true, info: true });

const REMEDIATION = object<DriftRemediation>({
  strategy: oneOf({ sync: true, rollback: true, alert: true }),
  alertAfter: duration(),
});

const API_ACCESS = object<ApiAccessSpec>({ privateEndpoint: boolean(), allowedCidrs: array(string()) });

const NODE_POOL = object<NodePoolSpec>({ machineType: string(), minNodes: number(), maxNodes: number() });

/** The fields every cluster has, whatever its cloud (the keys `ClusterSpec`'s members share). */
const CLUSTER_BASE: FieldSchemas<Omit<ClusterSpec, 'cloud'>> = {
  name: string(),
  role: oneOf({ management: true, workload: true }),
  region: string(),
  labels: optional(stringMap(string())),
  apiServer: string(),
  caData: string(),
  kubernetesVersion: string(),
  networkCidr: string(),
  apiAccess: API_ACCESS,
  nodePool: NODE_POOL,
};

const CLUSTER: Schema<ClusterSpec> = discriminated<'cloud', ClusterSpec>('cloud', {
  aws: object<EksClusterSpec>({ ...CLUSTER_BASE, cloud: literal('aws') }),
  azure: object<AksClusterSpec>({
    ...CLUSTER_BASE,
    cloud: literal('azure'),
    tenantId: string(),
    argocdClientId: string(),
    workloadClientIds: object<AksClusterSpec['workloadClientIds']>({ terraformDrift: string(), policyReporter: string(), velero: string() }),
    oidcIssuerUrl: string(),
    egressIp: string(),
  }),
  gcp: object<GkeClusterSpec>({ ...CLUSTER_BASE, cloud: literal('gcp'), projectId: string(), projectNumber: string() }),
});

const REVISION: Schema<RevisionPolicy> = discriminated<'kind', RevisionPolicy>('kind', {
  track: object<Extract<RevisionPolicy, { kind: 'track' }>>({ kind: literal('track'), branch: string() }),
  pin: object<Extract<RevisionPolicy, { kind: 'pin' }>>({ kind: literal('pin'), ref: string() }),
});

type ApplyFrom = CiIdentitySpec['applyFrom'];

const APPLY_FROM: Schema<ApplyFrom> = discriminated<'kind', ApplyFrom>('kind', {
  branch: object<Extract<ApplyFrom, { kind: 'branch' }>>({ kind: literal('branch'), name: string() }),
  environment: object<Extract<ApplyFrom, { kind: 'environment' }>>({ kind: literal('environment'), name: string() }),
});

/** Every add-on needs a pinned chart: a missing one would otherwise synthesize an unpinned chart. */
const CHARTS = object<ChartVersions>({
  argoCd: string(),
  kyverno: string(),
  policyReporter: string(),
  kubePrometheusStack: string(),
  argoRollouts: string(),
  sealedSecrets: string(),
  pushgateway: string(),
  fluentBit: string(),
  tempo: string(),
  clusterAutoscaler: string(),
  velero: string(),
  opencost: string(),
});

export const ENVIRONMENT_SPEC_SCHEMA: Schema<EnvironmentSpec> = object<EnvironmentSpec>({
  name: string(),
  tier: oneOf({ development: true, staging: true, production: true }),
  owner: string(),
  costCentre: string(),
  clusters: array(CLUSTER),
  gitops: object<GitOpsSource>({ repoUrl: string(), revision: REVISION }),
  sync: object<SyncSpec>({
    prune: boolean(),
    retryLimit: number(),
    retryBackoff: object<SyncSpec['retryBackoff']>({ initial: duration(), factor: number(), max: duration() }),
  }),
  driftDetection: object<DriftDetectionSpec>({
    interval: duration(),
    severityByClass: object<DriftDetectionSpec['severityByClass']>({
      policies: SEVERITY,
      rbac: SEVERITY,
      platform: SEVERITY,
      configuration: SEVERITY,
      observability: SEVERITY,
      workloads: SEVERITY,
    }),
    remediation: object<DriftDetectionSpec['remediation']>({ critical: REMEDIATION, warning: REMEDIATION, info: REMEDIATION }),
  }),
  notifications: object<NotificationSpec>({ slackChannel: string(), pagerDutyService: optional(string()) }),
  access: object<AccessSpec>({ readOnlyGroups: array(string()), deployerGroups: array(string()), emergencyGroups: array(string()) }),
  sso: optional(
    object<EnvironmentSso>({
      url: string(),
      issuer: string(),
      clientId: string(),
      cliClientId: optional(string()),
      clientSecret: object<SecretKeyReference>({ secretName: string(), key: string() }),
      groupsClaim: string(),
      requestedScopes: optional(array(string())),
      displayName: optional(string()),
      localAdmin: optional(boolean()),
      grafana: optional(
        object<GrafanaSingleSignOn>({
          urls: stringMap(string()),
          clientId: string(),
          clientSecret: object<SecretKeyReference>({ secretName: string(), key: string() }),
          authUrl: string(),
          tokenUrl: string(),
          apiUrl: string(),
        }),
      ),
    }),
  ),
  syncWindows: array(object<SyncWindowSpec>({ schedule: string(), duration: duration(), timeZone: string() })),
  charts: CHARTS,
  kyverno: object<KyvernoSpec>({
    mode: oneOf({ audit: true, canary: true, enforce: true }),
    catalog: string(),
    canaryPassed: optional(string()),
    failOpen: optional(array(object<FailOpenPolicy>({ policy: string(), reason: string() }))),
  }),
  promotesFrom: optional(string()),
  clouds: object<CloudAccounts>({
    aws: optional(object<AwsAccount>({ accountId: string(), region: string() })),
    azure: optional(object<AzureSubscription>({ subscriptionId: string(), tenantId: string(), location: string() })),
    gcp: optional(object<GcpProject>({ projectId: string(), region: string(), billingAccount: string() })),
  }),
  infrastructure: object<InfrastructureSpec>({
    ci: object<CiIdentitySpec>({
      repository: string(),
      repositoryId: string(),
      applyFrom: APPLY_FROM,
      awsOidcProvider: optional(oneOf({ create: true, existing: true })),
      runnerCidrs: optional(array(string())),
    }),
    budget: BUDGET_SCHEMA,
    stateReplica: optional(object<NonNullable<InfrastructureSpec['stateReplica']>>({ aws: optional(string()), azure: optional(string()), gcp: optional(string()) })),
    organisationPrefix: string(),
    stateVersionRetentionDays: number(),
    driftCheckIntervalMinutes: number(),
    breakGlass: optional(object<BreakGlassSpec>({ awsPrincipals: array(string()) })),
  }),
  delivery: optional(DELIVERY_SCHEMA),
  tenants: optional(array(TENANT_SCHEMA)),
  secrets: SECRETS_SCHEMA,
  backup: BACKUP_SCHEMA,
});
