import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Tier } from '../core/tier';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
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
 * platform's `tenancy` AppProject: its Namespaces, their ResourceQuota, LimitRange,
 * NetworkPolicies and RoleBindings. Placeholder of the contract: filled in by the Tenant construct.
 */
export class TenantChart extends Chart {
  constructor(scope: Construct, id: string, props: TenantChartProps) {
    super(scope, id, props);
    void props.tenant;
  }
}
