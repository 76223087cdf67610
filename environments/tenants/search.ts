import type { DeliveredWorkloadSpec, TenantSpec } from '../types';
import { PODINFO_DEV, PODINFO_STAGING } from '../workloads/podinfo';

/**
 * The search team: an API namespace and an indexer namespace that only runs on the management
 * cluster (where the crawl schedule lives), its manifests in its own repository. An example:
 * replace the groups, repository and sizes with your own.
 */
const SEARCH: Omit<TenantSpec, 'applications' | 'namespaces'> = {
  name: 'search',
  description: 'Search API and indexer',
  ownerGroups: ['search-leads'],
  memberGroups: ['search-developers'],
  quota: {
    cpu: '1',
    memory: '2Gi',
    memoryLimit: '4Gi',
    pods: 20,
    storage: '50Gi',
    objects: { services: 10, 'services.loadbalancers': 0, persistentvolumeclaims: 6 },
  },
  limits: {
    defaultRequest: { cpu: '100m', memory: '256Mi' },
    defaultLimit: { memory: '512Mi' },
  },
  costCentre: 'cc-4200',
  budget: { monthlyLimit: 200, currency: 'USD', alertThresholds: [50, 80, 100], notifyEmails: ['search-leads@acme.example'] },
};

const SEARCH_REPOSITORY = 'https://github.com/acme/search-deploy.git';

/**
 * The team's search page, delivered progressively by Argo Rollouts like the platform's podinfo
 * (same image, from the platform registry) but in the team's `search` namespace and AppProject:
 * its folder (`dist/k8s/<env>/tenant-search-workload-web/`) holds no Namespace, the tenancy
 * folder owns it. An example: replace it with the team's own service.
 */
function searchWeb(podinfo: DeliveredWorkloadSpec): DeliveredWorkloadSpec {
  return { ...podinfo, name: 'web', namespace: 'search' };
}

/** Development: the API on both clusters, the indexer on the AKS one. */
export const SEARCH_DEV: TenantSpec = {
  ...SEARCH,
  namespaces: [{ name: 'search' }, { name: 'search-indexer', clusters: ['dev-aks-weu'] }],
  applications: [
    { name: 'api', repoUrl: SEARCH_REPOSITORY, revision: 'main', path: 'deploy/dev/api', namespace: 'search' },
    { name: 'indexer', repoUrl: SEARCH_REPOSITORY, revision: 'main', path: 'deploy/dev/indexer', namespace: 'search-indexer' },
  ],
  workloads: [searchWeb(PODINFO_DEV)],
};

/** Staging has one cluster: both namespaces on it. */
export const SEARCH_STAGING: TenantSpec = {
  ...SEARCH,
  namespaces: [{ name: 'search' }, { name: 'search-indexer' }],
  applications: [
    { name: 'api', repoUrl: SEARCH_REPOSITORY, revision: 'main', path: 'deploy/staging/api', namespace: 'search' },
    { name: 'indexer', repoUrl: SEARCH_REPOSITORY, revision: 'main', path: 'deploy/staging/indexer', namespace: 'search-indexer' },
  ],
  workloads: [searchWeb(PODINFO_STAGING)],
};
