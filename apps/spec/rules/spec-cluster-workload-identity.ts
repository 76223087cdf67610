import { matches, unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';
import { eachCluster } from './support/each-cluster';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** 6–30 chars, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen. */
const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Azure identities are GUIDs; a name or a truncated id fails only at login time otherwise. */
const AKS_GUID_FIELDS = ['tenantId', 'argocdClientId'] as const;

/** The ids Argo CD's workload identity uses to log in to AKS and GKE clusters, in their formats. */
export const specClusterWorkloadIdentity: SpecRule<EnvironmentSpec> = {
  id: 'spec-cluster-workload-identity',
  engine: 'spec',
  level: 'error',
  title: 'AKS and GKE workload identity ids have their cloud formats',
  rationale: 'Argo CD authenticates to AKS and GKE with workload identity: a tenant name instead of its GUID, or a project name or number instead of its id, fails only at the first login.',
  controls: NO_CONTROLS,
  check: (spec) =>
    eachCluster(spec.clusters, (cluster, at) => {
      switch (cluster.cloud) {
        case 'azure':
          return AKS_GUID_FIELDS.flatMap((field) =>
            unless(
              matches(cluster[field], GUID),
              `${at}.${field}`,
              cluster[field],
              `${field} must be a GUID: Argo CD authenticates to AKS with Azure workload identity using it`,
              `copy the GUID from the Azure portal or az CLI, e.g. '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94'`,
            ),
          );
        case 'gcp':
          return unless(
            matches(cluster.projectId, GCP_PROJECT_ID),
            `${at}.projectId`,
            cluster.projectId,
            'not a GCP project id (6-30 characters, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen): the project name or number will not work with workload identity',
            'use the project id from `gcloud projects list`, e.g. acme-platform-dev',
          );
        case 'aws':
          // The EKS identity is spec-eks-account-identity's.
          return [];
      }
    }),
};
