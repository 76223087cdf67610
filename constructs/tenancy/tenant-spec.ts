import type { DeliveredWorkloadSpec } from '../delivery/delivery-spec';
import type { BudgetSpec } from '../terraform/infrastructure-spec';

/**
 * One team of the environment, onboarded by one entry in its `tenants` list. The Tenant construct
 * (constructs/tenancy) renders everything the team gets from it: Namespaces with its labels,
 * quota and limits, NetworkPolicies, RoleBindings of its groups, its own Argo CD AppProject and
 * the ApplicationSets that deliver its applications, its cost recording rules and budget alerts.
 */
export interface TenantSpec {
  /**
   * DNS label, unique in the environment: the `gitops-cdk.io/tenant` label on its namespaces, the
   * AppProject `tenant-<name>`, the `tenant` label of its cost series.
   */
  readonly name: string;
  /** One line on what the team runs; the AppProject's description. */
  readonly description: string;
  /** SSO groups that own the tenant: `admin` in its namespaces, operate its applications in Argo CD. */
  readonly ownerGroups: readonly string[];
  /** SSO groups that develop in it: `edit` in its namespaces, operate its applications in Argo CD. */
  readonly memberGroups: readonly string[];
  /** SSO groups that only look: `view` in its namespaces, read-only in Argo CD. @default - none */
  readonly viewerGroups?: readonly string[];
  /** The tenant's namespaces; a namespace belongs to one tenant only. */
  readonly namespaces: readonly TenantNamespaceSpec[];
  /** The ResourceQuota of each of its namespaces. */
  readonly quota: TenantQuotaSpec;
  /** The LimitRange of each of its namespaces: what a container gets when it states nothing. */
  readonly limits: TenantLimitsSpec;
  /**
   * The Pod Security Standard its namespaces enforce. The catalog's pod-security-restricted policy
   * validates tenant pods at `restricted` whatever the namespace says. @default 'restricted'
   */
  readonly podSecurity?: TenantPodSecurityLevel;
  /**
   * Where its pods may connect besides DNS and the tenant's own namespaces (always allowed).
   * @default - nowhere else
   */
  readonly egress?: readonly TenantEgressSpec[];
  /** The Git repositories and paths it delivers its applications from, one ApplicationSet each. */
  readonly applications: readonly TenantApplicationSpec[];
  /**
   * Workloads of the tenant delivered progressively (Argo Rollouts, constructs/delivery), each in
   * one of its namespaces, operated by its groups. @default - none
   */
  readonly workloads?: readonly DeliveredWorkloadSpec[];
  /**
   * Its namespaces are canaries of the policy rollout: in an environment whose Kyverno mode is
   * `canary`, policy revisions not yet passed enforce here first. @default false
   */
  readonly policyCanary?: boolean;
  /** Cost centre its spend is charged to: label `cost-centre` on its namespaces, tag on its cloud budget. */
  readonly costCentre: string;
  /**
   * Monthly budget of its Kubernetes spend (OpenCost's allocation of the nodes it uses) and of
   * the cloud resources tagged `tenant=<name>`; alerts at each threshold.
   */
  readonly budget: BudgetSpec;
}

/** A namespace of the tenant, on every cluster of the environment or on the named ones. */
export interface TenantNamespaceSpec {
  /** DNS label; never a platform namespace (argocd, kyverno, monitoring, kube-system, ...). */
  readonly name: string;
  /** @default - every cluster of the environment */
  readonly clusters?: readonly string[];
}

/** Kubernetes quantities (`2`, `500m`, `4Gi`) and counts, per namespace. */
export interface TenantQuotaSpec {
  /** `requests.cpu`. */
  readonly cpu: string;
  /** `requests.memory`. */
  readonly memory: string;
  /** `limits.memory`: memory is not compressible, so its limits are capped too. */
  readonly memoryLimit: string;
  /** `limits.cpu`. @default - uncapped: CPU limits throttle, requests are what the quota reserves */
  readonly cpuLimit?: string;
  /** `pods`. */
  readonly pods: number;
  /** `requests.storage`: the sum of its PersistentVolumeClaims. */
  readonly storage: string;
  /** Object counts (`configmaps`, `secrets`, `services`, `services.loadbalancers`, ...). @default - none beyond pods */
  readonly objects?: Readonly<Partial<Record<TenantQuotaObject, number>>>;
}

/** Object kinds a tenant quota can count (ResourceQuota's standard names). */
export type TenantQuotaObject = 'configmaps' | 'secrets' | 'services' | 'services.loadbalancers' | 'services.nodeports' | 'persistentvolumeclaims' | 'replicationcontrollers';

/** Container defaults and ceilings of the namespace's LimitRange. */
export interface TenantLimitsSpec {
  /** Requests of a container that states none (so the quota, which needs them, admits it). */
  readonly defaultRequest: { readonly cpu: string; readonly memory: string };
  /** Limits of a container that states none. */
  readonly defaultLimit: { readonly memory: string; readonly cpu?: string };
  /** The most one container may ask for. @default - only the quota bounds it */
  readonly max?: { readonly cpu?: string; readonly memory?: string };
}

export type TenantPodSecurityLevel = 'restricted' | 'baseline';

/** A destination outside the tenant: exactly one of `cidr` or `namespace`, and the ports. */
export interface TenantEgressSpec {
  /** DNS label naming the destination: the NetworkPolicy `<tenant>-egress-<name>`. */
  readonly name: string;
  /** An address range outside the clusters' networks, e.g. a partner API `203.0.113.0/24`. */
  readonly cidr?: string;
  /** Addresses inside `cidr` still refused. */
  readonly except?: readonly string[];
  /** A namespace that is not another tenant's, e.g. a shared platform service. */
  readonly namespace?: string;
  /** The ports allowed; at least one (an egress rule without ports opens every port). */
  readonly ports: readonly TenantPortSpec[];
}

export interface TenantPortSpec {
  readonly port: number;
  /** @default 'TCP' */
  readonly protocol?: 'TCP' | 'UDP';
}

/** An application the tenant delivers from its own repository into one of its namespaces. */
export interface TenantApplicationSpec {
  /** DNS label, unique in the tenant: the ApplicationSet `<tenant>-<name>`. */
  readonly name: string;
  /** HTTPS URL of the tenant's Git repository. */
  readonly repoUrl: string;
  /** Branch, tag or commit; production requires a tag or commit (k8s-prod-pinned-revisions). */
  readonly revision: string;
  /** Folder of plain manifests, Kustomize or a Helm chart in that repository. */
  readonly path: string;
  /** One of the tenant's namespaces; the application reaches every cluster that namespace is on. */
  readonly namespace: string;
}
