/** The platform AppProject as dist/k8s/prod/projects/appproject-platform.yaml holds it (trimmed), for the project and sync window tests. */

export interface PlatformProjectSpec {
  [field: string]: unknown;
}

export const PLATFORM_SPEC: PlatformProjectSpec = {
  clusterResourceWhitelist: [
    { group: '', kind: 'Namespace' },
    { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
    { group: 'kyverno.io', kind: 'ClusterPolicy' },
  ],
  description: 'Platform add-ons and cluster configuration of prod',
  destinations: [
    { namespace: 'argocd', server: 'https://kubernetes.default.svc' },
    { namespace: 'kyverno', server: 'https://kubernetes.default.svc' },
    { name: 'prod-eks-euc1', namespace: 'kyverno' },
  ],
  namespaceResourceBlacklist: [
    { group: '', kind: 'ResourceQuota' },
    { group: '', kind: 'LimitRange' },
  ],
  orphanedResources: { warn: false },
  roles: [
    {
      description: 'View applications and their logs',
      groups: ['platform-viewers'],
      name: 'read-only',
      policies: ['p, proj:platform:read-only, applications, get, platform/*, allow', 'p, proj:platform:read-only, logs, get, platform/*, allow'],
    },
    {
      description: 'View applications; deploy through Git inside sync windows',
      groups: ['platform-engineers'],
      name: 'deployer',
      policies: ['p, proj:platform:deployer, applications, get, platform/*, allow', 'p, proj:platform:deployer, logs, get, platform/*, allow'],
    },
  ],
  sourceRepos: ['https://argoproj.github.io/argo-helm', 'https://github.com/acme/platform-gitops.git', 'https://kyverno.github.io/kyverno/'],
  syncWindows: [{ applications: ['*'], duration: '8h', kind: 'allow', manualSync: true, schedule: '0 8 * * 1-4', timeZone: 'Europe/Berlin' }],
};

export function platformProject(spec: PlatformProjectSpec = PLATFORM_SPEC): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      annotations: { 'argocd.argoproj.io/sync-wave': '-2' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
      labels: { 'app.kubernetes.io/managed-by': 'gitops-cdk', 'gitops-cdk.io/env': 'prod' },
      name: 'platform',
      namespace: 'argocd',
    },
    spec,
  };
}

/** The platform project with `field` replaced. */
export function platformWith(field: string, value: unknown): object {
  return platformProject({ ...PLATFORM_SPEC, [field]: value });
}

export function listOf(field: string): unknown[] {
  const value = PLATFORM_SPEC[field];
  if (!Array.isArray(value)) throw new Error(`${field} is not a list of the platform project`);
  return value;
}
