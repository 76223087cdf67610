import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Tier } from '../core/tier';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { labelledNamespace } from '../kubernetes/labelled-namespace';
import { tenantNamespaceLabels, tenantObjectLabels } from './tenant-namespace-labels';
import { tenantNetworkPolicies } from './tenant-network-policies';
import { tenantNamespacesOn } from './tenant-placement';
import { tenantLimitRange, tenantResourceQuota } from './tenant-quota';
import { tenantRoleBindings } from './tenant-role-bindings';
import type { TenantSpec } from './tenant-spec';

/** What a tenant's chart reads of its environment. */
export interface TenantEnvironment extends EnvironmentClusters {
  readonly tier: Tier;
}

export interface TenantChartProps extends ChartProps {
  readonly environment: TenantEnvironment;
  readonly tenant: TenantSpec;
  /** The cluster this folder is synced to; the chart holds the tenant's namespaces on it. */
  readonly cluster: ClusterSpec;
}

/**
 * One tenant's objects on one cluster (`dist/k8s/<env>/tenant-<name>-<cluster>/`), synced by the
 * platform's `tenancy` AppProject: per namespace of the tenant on the cluster (sorted), its
 * Namespace, ResourceQuota `tenant-quota`, LimitRange `tenant-limits`, NetworkPolicies and
 * RoleBindings. Every object carries the tenant and cost-centre labels (the chart's labels), so
 * cost allocation and `kubectl get -l gitops-cdk.io/tenant=<name>` find them all.
 */
export class TenantChart extends Chart {
  /** The tenant's namespaces on this cluster, sorted. */
  readonly namespaces: readonly string[];

  constructor(scope: Construct, id: string, props: TenantChartProps) {
    super(scope, id, { ...props, labels: { ...props.labels, ...tenantObjectLabels(props.tenant) } });
    const { environment, tenant } = props;
    this.namespaces = tenantNamespacesOn(environment, tenant, props.cluster);
    for (const namespace of this.namespaces) {
      labelledNamespace(this, `${namespace}-namespace`, { name: namespace, labels: tenantNamespaceLabels(environment.name, tenant) });
      const objects = [
        tenantResourceQuota(namespace, tenant.quota),
        tenantLimitRange(namespace, tenant.limits),
        ...tenantNetworkPolicies(namespace, tenant),
        ...tenantRoleBindings(namespace, tenant),
      ];
      for (const object of objects) new ApiObject(this, `${namespace}-${object.kind.toLowerCase()}-${object.metadata?.name ?? ''}`, object);
    }
  }
}
