import { parse } from 'yaml';

/** Argo CD Applications and ApplicationSets as dist/k8s holds them (trimmed), parsed fresh for each call. */

/** dist/k8s/prod/root/application-prod-root.yaml. */
const PROD_ROOT = `
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: prod-root
  namespace: argocd
spec:
  destination:
    namespace: argocd
    server: https://kubernetes.default.svc
  project: platform
  revisionHistoryLimit: 10
  source:
    path: dist/k8s/prod
    repoURL: https://github.com/acme/platform-gitops.git
    targetRevision: v2026.11.2
  syncPolicy:
    automated:
      prune: false
      selfHeal: true
    syncOptions:
      - PruneLast=true
`;

/** dist/k8s/prod/addons/applicationset-kyverno.yaml (Helm values trimmed). */
const PROD_KYVERNO_SET = `
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: kyverno
  namespace: argocd
spec:
  generators:
    - clusters:
        selector:
          matchLabels:
            gitops-cdk.io/env: prod
  goTemplate: true
  goTemplateOptions:
    - missingkey=error
  syncPolicy:
    preserveResourcesOnDeletion: true
  template:
    metadata:
      labels:
        gitops-cdk.io/env: prod
      name: "{{.name}}-kyverno"
    spec:
      destination:
        name: "{{.name}}"
        namespace: kyverno
      project: platform
      source:
        chart: kyverno
        helm:
          values: |
            features:
              policyExceptions:
                enabled: true
                namespace: kyverno
        repoURL: https://kyverno.github.io/kyverno/
        targetRevision: 3.9.1
      syncPolicy:
        automated:
          prune: false
          selfHeal: true
        syncOptions:
          - PruneLast=true
          - CreateNamespace=true
          - ServerSideApply=true
`;

/** dist/k8s/prod/sync/applicationset-policies-sync.yaml: a Git source in an ApplicationSet template. */
const PROD_POLICIES_SYNC = `
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: policies-sync
  namespace: argocd
spec:
  generators:
    - clusters:
        selector:
          matchLabels:
            gitops-cdk.io/env: prod
  goTemplate: true
  syncPolicy:
    preserveResourcesOnDeletion: true
  template:
    metadata:
      name: "{{.name}}-policies-sync"
    spec:
      destination:
        name: "{{.name}}"
        namespace: kyverno
      project: platform
      source:
        path: dist/k8s/prod/policies
        repoURL: https://github.com/acme/platform-gitops.git
        targetRevision: v2026.11.2
      syncPolicy:
        automated:
          prune: false
          selfHeal: true
`;

/** A Kubernetes object as parsed YAML. */
export type ArgoObject = { [key: string]: unknown };

export const prodRoot = (): ArgoObject => parse(PROD_ROOT) as ArgoObject;
export const prodKyvernoSet = (): ArgoObject => parse(PROD_KYVERNO_SET) as ArgoObject;
export const prodPoliciesSync = (): ArgoObject => parse(PROD_POLICIES_SYNC) as ArgoObject;

/** A copy of `object` with the field at `path` set to `value` (`undefined` deletes it). */
export function withField(object: ArgoObject, path: readonly string[], value: unknown): ArgoObject {
  const copy = structuredClone(object);
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as ArgoObject;
  const last = path.at(-1) ?? '';
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}
