import { parse } from 'yaml';

/**
 * Trimmed excerpts of real dist/ files (Kyverno objects as the estate synthesizes them), parsed
 * fresh for every call so a test can edit its copy.
 */

/** dist/k8s/prod/policies/clusterpolicy-disallow-latest-tag.yaml (descriptions trimmed). */
const PROD_DISALLOW_LATEST_TAG = `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  annotations:
    argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true
    policies.gitops-cdk.io/catalog-release: 1.0.0
    policies.gitops-cdk.io/lifecycle-stage: enforce
    policies.kyverno.io/title: Disallow Latest Tag
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: disallow-latest-tag
spec:
  background: true
  rules:
    - exclude:
        any:
          - resources:
              namespaces:
                - argocd
                - kube-system
                - kyverno
      match:
        any:
          - resources:
              kinds:
                - Pod
      name: require-image-tag-not-latest
      validate:
        failureAction: Enforce
        message: Images must use an explicit tag other than latest (for example nginx:1.27.3 or a digest).
        pattern:
          spec:
            containers:
              - image: "*:* & !*:latest"
  webhookConfiguration:
    failurePolicy: Fail
`;

/** dist/k8s/staging/policies/clusterpolicy-require-labels.yaml: a canary (Audit, Enforce in canary namespaces). */
const STAGING_REQUIRE_LABELS = `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  annotations:
    policies.gitops-cdk.io/catalog-release: 1.2.0
    policies.gitops-cdk.io/fail-open-reason: "non-production tier: a Kyverno outage must not block deployments; policy reports still record violations"
    policies.gitops-cdk.io/lifecycle-stage: canary
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: staging
  name: require-labels
spec:
  background: true
  rules:
    - exclude:
        any:
          - resources:
              namespaces:
                - kube-system
                - kyverno
      match:
        any:
          - resources:
              kinds:
                - Pod
      name: check-for-labels
      validate:
        failureAction: Audit
        failureActionOverrides:
          - action: Enforce
            namespaceSelector:
              matchLabels:
                policy.gitops-cdk.io/canary: "true"
        message: "Pods must carry the non-empty labels owner, cost-centre, env."
        pattern:
          metadata:
            labels:
              cost-centre: ?*
              env: ?*
              owner: ?*
  webhookConfiguration:
    failurePolicy: Ignore
`;

/** dist/k8s/prod/policies/policyexception-payments-settlement-batch-root.yaml. */
const PROD_SETTLEMENT_EXCEPTION = `
apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  annotations:
    argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true
    policies.gitops-cdk.io/expires: 2027-03-31
    policies.gitops-cdk.io/owner: team-payments
    policies.gitops-cdk.io/reason: vendor settlement image 4.x runs as root (UID 0); the non-root 5.x build ships in Q1 2027, the namespace is isolated by default-deny
    policies.gitops-cdk.io/ticket: PAY-812
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: payments-settlement-batch-root
  namespace: kyverno
spec:
  background: true
  exceptions:
    - policyName: require-run-as-non-root
      ruleNames:
        - run-as-non-root
        - autogen-run-as-non-root
        - autogen-cronjob-run-as-non-root
  match:
    any:
      - resources:
          kinds:
            - Pod
            - Job
            - CronJob
          names:
            - settlement-*
          namespaces:
            - payments-batch
`;

/** dist/k8s/prod/policies/clusterpolicy-add-default-resource-quota.yaml before terraform-drift was excluded (generate bodies trimmed): two rules. */
const PROD_ADD_DEFAULT_RESOURCE_QUOTA = `
apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  annotations:
    policies.gitops-cdk.io/catalog-release: 1.1.0
    policies.gitops-cdk.io/lifecycle-stage: enforce
  labels:
    app.kubernetes.io/managed-by: gitops-cdk
    gitops-cdk.io/env: prod
  name: add-default-resource-quota
spec:
  background: true
  rules:
    - exclude:
        any:
          - resources:
              kinds: [Namespace]
              names: [argo-rollouts, argocd, kube-node-lease, kube-public, kube-system, kyverno, monitoring, policy-reporter, sealed-secrets]
      generate: { apiVersion: v1, kind: ResourceQuota, name: default-quota, namespace: "{{request.object.metadata.name}}", synchronize: true }
      match:
        any:
          - resources:
              kinds: [Namespace]
      name: default-quota
    - exclude:
        any:
          - resources:
              kinds: [Namespace]
              names: [argo-rollouts, argocd, kube-node-lease, kube-public, kube-system, kyverno, monitoring, policy-reporter, sealed-secrets]
      generate: { apiVersion: v1, kind: LimitRange, name: default-limits, namespace: "{{request.object.metadata.name}}", synchronize: true }
      match:
        any:
          - resources:
              kinds: [Namespace]
      name: default-limits
  webhookConfiguration:
    failurePolicy: Fail
`;

/** A Kubernetes object as parsed YAML. */
export type Document = { [key: string]: unknown };

export const prodDisallowLatestTag = (): Document => parse(PROD_DISALLOW_LATEST_TAG) as Document;
export const stagingRequireLabels = (): Document => parse(STAGING_REQUIRE_LABELS) as Document;
export const prodSettlementException = (): Document => parse(PROD_SETTLEMENT_EXCEPTION) as Document;
export const prodAddDefaultResourceQuota = (): Document => parse(PROD_ADD_DEFAULT_RESOURCE_QUOTA) as Document;

/**
 * A copy of `document` with the fields at the given dotted paths set (`undefined` deletes the field):
 * `withFields(policy, { 'spec.rules.0.validate.failureAction': 'Audit' })`. List items are addressed by index.
 */
export function withFields(document: Document, fields: { readonly [path: string]: unknown }): Document {
  const copy = structuredClone(document);
  for (const [path, value] of Object.entries(fields)) {
    const keys = path.split('.');
    const last = keys.pop() as string;
    let parent = copy as { [key: string]: unknown };
    for (const key of keys) {
      if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
      parent = parent[key] as { [key: string]: unknown };
    }
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return copy;
}

/** A copy of `document` with annotation `key` set (`undefined` removes it); annotation keys hold dots, so not through withFields. */
export function withAnnotation(document: Document, key: string, value: string | undefined): Document {
  const copy = structuredClone(document);
  const metadata = copy.metadata as { annotations?: { [key: string]: string } };
  const annotations = { ...(metadata.annotations ?? {}) };
  if (value === undefined) delete annotations[key];
  else annotations[key] = value;
  metadata.annotations = annotations;
  return copy;
}
