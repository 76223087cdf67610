import { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import type { GitOpsSource } from '../argocd/gitops-source';
import { SingleClusterSync } from '../argocd/single-cluster-sync';
import type { Tier } from '../core/tier';
import type { DeliveredWorkloadSpec } from '../delivery/delivery-spec';
import { workloadSpecFindings } from '../delivery/workload-spec-findings';
import type { DriftPolicy } from '../drift/drift-policy';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { addStructuredValidation } from '../rules/structured-validation';
import { registrationOf } from './tenancy-project';
import { TENANT_SYNC_OPTIONS } from './tenant-applications';
import { namespaceClusters } from './tenant-placement';
import type { TenantSpec } from './tenant-spec';

/** The folder (`dist/k8s/<env>/<component>/`) and chart id of a tenant's progressive workload. */
export function tenantWorkloadComponent(tenant: Pick<TenantSpec, 'name'>, workload: Pick<DeliveredWorkloadSpec, 'name'>): string {
  return `tenant-${tenant.name}-workload-${workload.name}`;
}

/**
 * Where a tenant's workload runs: the clusters it names, else every cluster its namespace is on.
 * Either way only clusters its namespace is on: elsewhere the namespace does not exist and the
 * tenant project has no destination.
 */
export function tenantWorkloadClusters(environment: EnvironmentClusters, tenant: TenantSpec, workload: DeliveredWorkloadSpec): readonly ClusterSpec[] {
  const namespace = tenant.namespaces.find((n) => n.name === workload.namespace);
  const where = `${environment.name}: tenant ${tenant.name} workload ${workload.name}`;
  if (namespace === undefined) {
    throw new Error(
      `${where} runs in namespace ${workload.namespace}, which is not one of the tenant's namespaces (${tenant.namespaces.map((n) => n.name).join(', ')}): fix workloads[].namespace`,
    );
  }
  const onNamespace = namespaceClusters(environment, tenant, namespace);
  if (workload.clusters === undefined) return onNamespace;
  return workload.clusters.map((name) => {
    const cluster = onNamespace.find((c) => c.name === name);
    if (cluster === undefined) {
      throw new Error(`${where} names cluster ${name}, where namespace ${namespace.name} is not (${onNamespace.map((c) => c.name).join(', ')}): fix workloads[].clusters`);
    }
    return cluster;
  });
}

export interface TenantWorkloadSyncProps {
  readonly environment: EnvironmentClusters & { readonly gitops: GitOpsSource; readonly tier: Tier };
  readonly tenant: TenantSpec;
  readonly workload: DeliveredWorkloadSpec;
  /** Repository path of the workload's folder, e.g. `dist/k8s/dev/tenant-search-workload-web`. */
  readonly path: string;
  /** The tenant's AppProject: its sourceRepos include the environment's repository when it has workloads. */
  readonly project: AppProject;
  readonly drift: DriftPolicy;
  readonly registrations: readonly ClusterRegistration[];
  /** Where the workload is in the environment spec, for the findings, e.g. `tenants[0].workloads[1]`. */
  readonly at: string;
}

/**
 * How a tenant's progressive workload reaches its clusters: one Application per cluster, in the
 * tenant's project, from the environment's repository (the folder is rendered there), of drift
 * class `workloads`, never creating the namespace (the tenancy folder owns it). Its spec is checked
 * as spec-delivery-workloads checks the platform's.
 */
export class TenantWorkloadSync extends Construct {
  constructor(scope: Construct, id: string, props: TenantWorkloadSyncProps) {
    super(scope, id);
    const { environment, tenant, workload } = props;
    // The spec rule checks the platform's workloads only (delivery.workloads); a tenant's are checked here, at synth.
    addStructuredValidation(this, () => workloadSpecFindings(environment.tier, workload, props.at));
    for (const cluster of tenantWorkloadClusters(environment, tenant, workload)) {
      new SingleClusterSync(this, cluster.name, {
        gitops: environment.gitops,
        drift: props.drift,
        project: props.project,
        cluster: registrationOf(environment.name, props.registrations, cluster.name, tenant.name),
        path: props.path,
        purpose: tenantWorkloadComponent(tenant, workload),
        namespace: workload.namespace,
        driftClass: 'workloads',
        syncOptions: TENANT_SYNC_OPTIONS,
      });
    }
  }
}
