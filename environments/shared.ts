import { Duration } from 'cdk8s';
import type { AccessSpec, SyncSpec } from './types';

/**
 * Values every environment shares. Kept here so that the environment files differ only where the
 * environments really differ.
 */

/** This repository, as Argo CD clones it; the root app of every environment reads `dist/k8s/<env>`. */
export const GITOPS_REPO_URL = 'https://github.com/acme/platform-gitops.git';

export const PLATFORM_OWNER = 'platform-team';
export const PLATFORM_COST_CENTRE = 'cc-4711';

/**
 * Placeholder CA bundle for the reference fleet. Replace it per cluster with the real one
 * (`aws eks describe-cluster`, `az aks show`, `gcloud container clusters describe`); it is public
 * data, not a credential.
 */
export const EXAMPLE_CLUSTER_CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMuLi5leGFtcGxlLi4uCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';

/** Retries back off 10s, 20s, 40s ... up to 5m, then stop and alert: no remediation loops (WS3). */
export const BOUNDED_RETRY: Pick<SyncSpec, 'retryLimit' | 'retryBackoff'> = {
  retryLimit: 5,
  retryBackoff: { initial: Duration.seconds(10), factor: 2, max: Duration.minutes(5) },
};

/** SSO groups of the platform team; environments add to these, never replace the emergency group. */
export const PLATFORM_ACCESS: AccessSpec = {
  readOnlyGroups: ['platform-viewers'],
  deployerGroups: ['platform-engineers'],
  emergencyGroups: ['platform-oncall'],
};
