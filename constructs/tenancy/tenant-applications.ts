import { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import type { SyncPolicyOptions } from '../argocd/sync-policy';
import type { DriftPolicy } from '../drift/drift-policy';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../kubernetes/environment-clusters';
import { namespaceClusters } from './tenant-placement';
import type { TenantApplicationSpec, TenantSpec } from './tenant-spec';

/**
 * Tenant applications never create their namespace: the namespaces, with their labels, quota and
 * NetworkPolicies, are the platform's (the tenancy project's folder). Argo CD would create a missing
 * one before the project's kind check (gitops-engine pkg/sync/sync_context.go `getSyncTasks` adds
 * the auto-created Namespace first), and the tenant project refuses Namespaces, so a sync before
 * the platform's reads `resource :Namespace is not permitted in project tenant-<name>`. Without
 * CreateNamespace it reads "namespace not found" and is retried until the tenancy sync created it.
 */
export const TENANT_SYNC_OPTIONS: SyncPolicyOptions = { createNamespace: false };

/** The ApplicationSet (and Application suffix) of one tenant application: `<tenant>-<name>`. */
export function tenantApplicationName(tenant: Pick<TenantSpec, 'name'>, application: Pick<TenantApplicationSpec, 'name'>): string {
  return `${tenant.name}-${application.name}`;
}

/** The clusters a tenant application reaches: those its namespace is on. */
export function tenantApplicationClusters(environment: EnvironmentClusters, tenant: TenantSpec, application: TenantApplicationSpec): readonly ClusterSpec[] {
  const namespace = tenant.namespaces.find((n) => n.name === application.namespace);
  if (namespace === undefined) {
    throw new Error(
      `${environment.name}: tenant ${tenant.name} application ${application.name} deploys to namespace ${application.namespace}, ` +
        `which is not one of the tenant's namespaces (${tenant.namespaces.map((n) => n.name).join(', ')}): add it to the tenant's namespaces or fix applications[].namespace`,
    );
  }
  return namespaceClusters(environment, tenant, namespace);
}

export interface TenantApplicationsProps {
  readonly environment: EnvironmentClusters;
  readonly tenant: TenantSpec;
  /** The tenant's AppProject (tenantProject()). */
  readonly project: AppProject;
  /** The environment's drift policy: tenant applications are of class `workloads` (production never prunes). */
  readonly drift: DriftPolicy;
}

/**
 * One ApplicationSet per application of a tenant, in the sync chart: the tenant's repository,
 * revision and path, into its namespace on exactly the clusters that namespace is on (a list of
 * cluster names: a namespace on some clusters only has no label to select them by).
 */
export class TenantApplications extends Construct {
  readonly sets: readonly ApplicationSet[];

  constructor(scope: Construct, id: string, props: TenantApplicationsProps) {
    super(scope, id);
    const { environment, tenant } = props;
    const settings = props.drift.applicationSettings('workloads');
    this.sets = tenant.applications.map(
      (application) =>
        new ApplicationSet(this, application.name, {
          name: tenantApplicationName(tenant, application),
          project: props.project,
          source: ApplicationSource.gitPath(application.repoUrl, application.revision, application.path),
          namespace: application.namespace,
          ...settings,
          syncOptions: TENANT_SYNC_OPTIONS,
          clusterNames: tenantApplicationClusters(environment, tenant, application).map((cluster) => cluster.name),
        }),
    );
  }
}
