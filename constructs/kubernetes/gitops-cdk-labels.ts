/**
 * Every label and annotation key of gitops-cdk's own domain, `gitops-cdk.io` and its
 * subdomains, in one place. Like `app.kubernetes.io`, the domain is the tool's vocabulary, not an
 * organisation value: the ApplicationSet selectors, the alerts, the compliance report and
 * `kubectl get -l` queries match these keys by name, so they are constants, not props.
 */

/** The environment an object belongs to: on every object gitops-cdk writes and on Argo CD's cluster Secrets. */
export const ENVIRONMENT_LABEL = 'gitops-cdk.io/env';

/** Label keys on Argo CD cluster secrets that ApplicationSet cluster generators select on. */
export const CLUSTER_LABELS = {
  env: ENVIRONMENT_LABEL,
  cloud: 'gitops-cdk.io/cloud',
  region: 'gitops-cdk.io/region',
  role: 'gitops-cdk.io/cluster-role',
} as const;

/**
 * Labels that classify an Argo CD Application for the drift policy (constructs/drift/drift-policy.ts):
 * exported on `argocd_app_labels`, so the drift alerts select by class and severity.
 */
export const DRIFT_LABELS = {
  class: 'gitops-cdk.io/drift-class',
  severity: 'gitops-cdk.io/drift-severity',
  remediation: 'gitops-cdk.io/drift-remediation',
} as const;

/** Annotation keys gitops-cdk adds to a ClusterPolicy next to Kyverno's own `policies.kyverno.io/*`. */
export const POLICY_ANNOTATIONS = {
  release: 'policies.gitops-cdk.io/catalog-release',
  stage: 'policies.gitops-cdk.io/lifecycle-stage',
  failOpenReason: 'policies.gitops-cdk.io/fail-open-reason',
  abTest: 'policies.gitops-cdk.io/ab-test',
  soc2: 'compliance.gitops-cdk.io/soc2',
  pciDss: 'compliance.gitops-cdk.io/pci-dss',
  iso27001: 'compliance.gitops-cdk.io/iso-27001',
  cisKubernetes: 'compliance.gitops-cdk.io/cis-kubernetes',
} as const;

/** Where a policy exception's accountability is recorded on the object. */
export const EXCEPTION_ANNOTATIONS = {
  owner: 'policies.gitops-cdk.io/owner',
  reason: 'policies.gitops-cdk.io/reason',
  expires: 'policies.gitops-cdk.io/expires',
  ticket: 'policies.gitops-cdk.io/ticket',
} as const;

/** Namespaces carrying this label enforce new policies first while staging canaries them. */
export const POLICY_CANARY_LABEL = 'policy.gitops-cdk.io/canary';

/** The Namespace label that selects the variant of a policy's A/B test (`a` or `b`). */
export const POLICY_VARIANT_LABEL = 'policy.gitops-cdk.io/variant';

/** Namespaces labelled `"true"` cannot be deleted (the catalog's protect-namespaces-from-deletion). */
export const PROTECTED_NAMESPACE_LABEL = 'policy.gitops-cdk.io/protected';

/**
 * The tenant a Namespace belongs to (constructs/tenancy): its NetworkPolicies admit the tenant's
 * other namespaces by it, the catalog's generated quota and limits leave its namespaces to the
 * tenant's own, and the cost allocation groups spend by it (kube-state-metrics exports it).
 */
export const TENANT_LABEL = 'gitops-cdk.io/tenant';
