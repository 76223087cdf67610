/**
 * The public API of the gitops-cdk library: every construct, type and rule under constructs/, by
 * concept folder. Nothing here imports environments/, policies/ or apps/ (test/architecture checks
 * it), so another repository builds its own estate from this module alone (examples/tiny-estate).
 * Each cloud's Terraform constructs are a namespace (`aws`, `azure`, `gcp`): they implement the same
 * contract (terraform/cloud-estate.ts) and share names such as `CiIdentities`.
 */

// argocd/
export * from './argocd/access-spec';
export * from './argocd/app-project';
export * from './argocd/application-set';
export * from './argocd/application-source';
export * from './argocd/application-spec';
export * from './argocd/application';
export * from './argocd/argo-duration';
export * from './argocd/argocd-notifications';
export * from './argocd/argocd-rbac';
export * from './argocd/argocd-settings';
export * from './argocd/argocd-sso';
export * from './argocd/azure-token';
export * from './argocd/cluster-registration';
export * from './argocd/config-map';
export * from './argocd/constants';
export * from './argocd/gitops-source';
export * from './argocd/management-cluster';
export * from './argocd/project-role';
export * from './argocd/single-cluster-sync';
export * from './argocd/skip-dry-run';
export * from './argocd/sync-policy';
export * from './argocd/sync-spec';
export * from './argocd/sync-wave';

// backup/
export * from './backup/backup-cron';
export * from './backup/backup-schedules';
export * from './backup/backup-spec-checks';
export * from './backup/backup-spec';
export * from './backup/velero-schedule-values';

// compliance-report/
export * from './compliance-report/compliance-report-chart';
export * from './compliance-report/compliance-report-job';
export * from './compliance-report/render-script';
export * from './compliance-report/report-images';
export * from './compliance-report/report-layout';
export * from './compliance-report/report-schedule';
export * from './compliance-report/report-scripts';

// core/
export * from './core/backup-contract';
export * from './core/calendar';
export * from './core/cloud';
export * from './core/cluster-autoscaler-contract';
export * from './core/cron-schedule';
export * from './core/finding';
export * from './core/go-duration';
export * from './core/https-url';
export * from './core/kubernetes-names';
export * from './core/kubernetes-quantity';
export * from './core/observability-contract';
export * from './core/pinned-revisions';
export * from './core/s3-upload-encryption';
export * from './core/tier';
export * from './core/time-zone';
export * from './core/yaml-text';

// delivery/
export * from './delivery/analysis-contract';
export * from './delivery/analysis/analysis-conditions';
export * from './delivery/analysis/analysis-query-tests';
export * from './delivery/analysis/analysis-validation';
export * from './delivery/analysis/request-exclusion';
export * from './delivery/analysis/version-series';
export * from './delivery/analysis/workload-analysis-template';
export * from './delivery/analysis/workload-queries';
export * from './delivery/analysis/workload-smoke-template';
export * from './delivery/delivered-workload';
export * from './delivery/delivery-spec';
export * from './delivery/delivery-sync';
export * from './delivery/delivery-tiers';
export * from './delivery/rollout-strategy';
export * from './delivery/rollout-types';
export * from './delivery/rollout-validation';
export * from './delivery/smoke-test-findings';
export * from './delivery/workload-chart';
export * from './delivery/workload-findings';
export * from './delivery/workload-network-policies';
export * from './delivery/workload-placement';
export * from './delivery/workload-pod-template';

// drift/
export * from './drift/drift-check-contract';
export * from './drift/drift-check-identity';
export * from './drift/drift-check-runners';
export * from './drift/drift-check-schedule';
export * from './drift/drift-check-scripts';
export * from './drift/drift-detection-spec';
export * from './drift/drift-policy';
export * from './drift/terraform-drift-chart';
export * from './drift/terraform-drift-check';

// kubernetes/
export * from './kubernetes/cloud-cluster-profile';
export * from './kubernetes/cluster-spec';
export * from './kubernetes/environment-clusters';
export * from './kubernetes/gitops-cdk-labels';
export * from './kubernetes/kubernetes-support';
export * from './kubernetes/labelled-namespace';
export * from './kubernetes/machine-types';
export * from './kubernetes/registered-cluster-profiles';
export * from './kubernetes/script-cron-job';
export * from './kubernetes/workload-identity';

// kyverno/
export * from './kyverno/case-resources';
export * from './kyverno/catalog-release';
export * from './kyverno/cluster-policy';
export * from './kyverno/failure-action';
export * from './kyverno/kyverno-release';
export * from './kyverno/kyverno-spec';
export * from './kyverno/label-selector';
export * from './kyverno/match-resources';
export * from './kyverno/policy-definition';
export * from './kyverno/policy-exception';
export * from './kyverno/policy-lifecycle';
export * from './kyverno/policy-test-suite';
export * from './kyverno/rule-definition';
export * from './kyverno/types';

// monitoring/
export * from './monitoring/alert-definition';
export * from './monitoring/alertmanager-config';
export * from './monitoring/alertmanager-suite';
export * from './monitoring/dashboards/backup-dashboard';
export * from './monitoring/dashboards/dashboard-config-map';
export * from './monitoring/dashboards/delivery-dashboard';
export * from './monitoring/dashboards/drift-dashboard';
export * from './monitoring/dashboards/gitops-dashboard';
export * from './monitoring/dashboards/grafana-dashboards';
export * from './monitoring/dashboards/panels';
export * from './monitoring/dashboards/policy-compliance-dashboard';
export * from './monitoring/dashboards/terraform-drift-dashboard';
export * from './monitoring/domains/argocd';
export * from './monitoring/domains/autoscaling';
export * from './monitoring/domains/backup';
export * from './monitoring/domains/compliance-report';
export * from './monitoring/domains/controller-down';
export * from './monitoring/domains/delivered-workloads';
export * from './monitoring/domains/delivery';
export * from './monitoring/domains/gitops-drift';
export * from './monitoring/domains/kyverno-webhook-alerts';
export * from './monitoring/domains/kyverno';
export * from './monitoring/domains/paging-severity';
export * from './monitoring/domains/policy-compliance';
export * from './monitoring/domains/policy-violations';
export * from './monitoring/domains/scrape-jobs';
export * from './monitoring/domains/secrets';
export * from './monitoring/domains/terraform-drift';
export * from './monitoring/notification-spec';
export * from './monitoring/prometheus-rules';
export * from './monitoring/promql/label-matchers';
export * from './monitoring/promql/workload-expressions';
export * from './monitoring/promtool-suite';
export * from './monitoring/runbooks';
export * from './monitoring/types';

// platform/
export * from './platform/addon-catalog';
export * from './platform/addons-chart';
export * from './platform/addons/argo-cd-identity';
export * from './platform/addons/argo-cd';
export * from './platform/addons/argo-rollouts';
export * from './platform/addons/chart-repositories';
export * from './platform/addons/cloud-workload-identity';
export * from './platform/addons/cluster-autoscaler';
export * from './platform/addons/fluent-bit-config';
export * from './platform/addons/fluent-bit-destinations';
export * from './platform/addons/fluent-bit';
export * from './platform/addons/grafana-login';
export * from './platform/addons/ha-replicas';
export * from './platform/addons/kube-prometheus-stack';
export * from './platform/addons/kyverno';
export * from './platform/addons/per-cluster-value';
export * from './platform/addons/platform-addon';
export * from './platform/addons/policy-reporter-notifications';
export * from './platform/addons/policy-reporter';
export * from './platform/addons/prometheus-pushgateway';
export * from './platform/addons/sealed-secrets';
export * from './platform/addons/tempo-retention';
export * from './platform/addons/tempo';
export * from './platform/addons/velero-plugins';
export * from './platform/addons/velero-storage-location';
export * from './platform/addons/velero';
export * from './platform/argocd-config-chart';
export * from './platform/bootstrap';
export * from './platform/chart-versions';
export * from './platform/clusters-chart';
export * from './platform/config-chart';
export * from './platform/environment-sso';
export * from './platform/observability-chart';
export * from './platform/platform-namespaces';
export * from './platform/policies-chart';
export * from './platform/projects-chart';
export * from './platform/root-chart';
export * from './platform/sync-chart';

// rules/
export * from './rules/catalogue';
export * from './rules/construct-validation';
export * from './rules/construct-violations';
export * from './rules/estate/cross-engine-consistency';
export * from './rules/estate/estate-cross-engine-consistency';
export * from './rules/estate/estate-rule';
export * from './rules/estate/estate-secrets-inventory';
export * from './rules/estate/evaluate-estate';
export * from './rules/estate/kubernetes-side';
export * from './rules/estate/remote-state-views';
export * from './rules/estate/terraform-side-lookup';
export * from './rules/estate/terraform-side';
export * from './rules/evaluate';
export * from './rules/index';
export * from './rules/inspect/analysis-arguments';
export * from './rules/inspect/analysis-verdicts';
export * from './rules/inspect/argo-applications';
export * from './rules/inspect/attributes';
export * from './rules/inspect/canary-judgement';
export * from './rules/inspect/github-oidc';
export * from './rules/inspect/hcl-expression';
export * from './rules/inspect/iam-policy';
export * from './rules/inspect/kyverno-objects';
export * from './rules/inspect/reference-index';
export * from './rules/inspect/references';
export * from './rules/inspect/rollout-analyses';
export * from './rules/inspect/rollouts';
export * from './rules/inspect/stack-rule-input';
export * from './rules/inspect/storage';
export * from './rules/inspect/terraform-views';
export * from './rules/inspect/view-index';
export * from './rules/kubernetes-engine';
export * from './rules/kubernetes/k8s-explicit-project-scope';
export * from './rules/kubernetes/k8s-namespace-pod-security';
export * from './rules/kubernetes/k8s-no-default-project';
export * from './rules/kubernetes/k8s-no-plaintext-secrets';
export * from './rules/kubernetes/k8s-prod-exception-expiry';
export * from './rules/kubernetes/k8s-prod-fail-closed';
export * from './rules/kubernetes/k8s-prod-kyverno-enforce';
export * from './rules/kubernetes/k8s-prod-no-auto-prune';
export * from './rules/kubernetes/k8s-prod-pinned-revisions';
export * from './rules/kubernetes/k8s-prod-rollout-analysis';
export * from './rules/kubernetes/k8s-prod-rollout-image-digest';
export * from './rules/kubernetes/k8s-tenant-namespace-isolation';
export * from './rules/outcome';
export * from './rules/packs/development';
export * from './rules/packs/index';
export * from './rules/packs/production';
export * from './rules/packs/rule-pack';
export * from './rules/packs/staging';
export * from './rules/refusal-entries';
export * from './rules/refusal';
export * from './rules/report-frameworks';
export * from './rules/report-markdown';
export * from './rules/report-paths';
export * from './rules/report-result-lines';
export * from './rules/report-totals';
export * from './rules/report';
export * from './rules/result';
export * from './rules/show-value';
export * from './rules/spec-engine';
export * from './rules/spec-rule';
export * from './rules/structured-validation';
export * from './rules/suppressions';
export * from './rules/terraform-aspect';
export * from './rules/terraform/tf-budget-alerts';
export * from './rules/terraform/tf-budget-per-cloud';
export * from './rules/terraform/tf-cluster-control-plane-logging';
export * from './rules/terraform/tf-cluster-endpoint-restricted';
export * from './rules/terraform/tf-cluster-secrets-encryption';
export * from './rules/terraform/tf-cluster-workload-identity';
export * from './rules/terraform/tf-key-vault-purge-protection';
export * from './rules/terraform/tf-kms-key-rotation';
export * from './rules/terraform/tf-network-flow-logs';
export * from './rules/terraform/tf-node-autoscaling-bounds';
export * from './rules/terraform/tf-oidc-audience-pinned';
export * from './rules/terraform/tf-oidc-subject-scoped';
export * from './rules/terraform/tf-prod-apply-protected-environment';
export * from './rules/terraform/tf-prod-no-wildcard-iam-action';
export * from './rules/terraform/tf-required-tags';
export * from './rules/terraform/tf-state-replication';
export * from './rules/terraform/tf-storage-access-logging';
export * from './rules/terraform/tf-storage-cmk-encryption';
export * from './rules/terraform/tf-storage-public-access-blocked';
export * from './rules/terraform/tf-storage-tls-only';
export * from './rules/terraform/tf-storage-version-retention';
export * from './rules/terraform/tf-storage-versioning';
export * from './rules/types';
export * from './rules/violation';

// secrets/
export * from './secrets/required-secret';
export * from './secrets/sealed-secret';
export * from './secrets/sealed-secrets-chart';
export * from './secrets/sealing-certificate';
export * from './secrets/secret-references';
export * from './secrets/secret-slot-check';
export * from './secrets/secret-slots';
export * from './secrets/secrets-inventory';
export * from './secrets/secrets-spec';

// synth/
export * from './synth/kube-manifest';
export * from './synth/manifest-file';
export * from './synth/render-chart';

// tenancy/
export * from './tenancy/tenant-chart';
export * from './tenancy/tenant-namespace-labels';
export * from './tenancy/tenant-network-policies';
export * from './tenancy/tenant-object-names';
export * from './tenancy/tenant-placement';
export * from './tenancy/tenant-quota';
export * from './tenancy/tenant-role-bindings';
export * from './tenancy/tenant-spec';

// terraform/
export * from './terraform/backup-replica';
export * from './terraform/canonical-hcl';
export * from './terraform/cloud-accounts';
export * from './terraform/cloud-estate';
export * from './terraform/compliance-report-retention';
export * from './terraform/hcl-layout';
export * from './terraform/infrastructure-spec';
export * from './terraform/ipv4-cidr';
export * from './terraform/readable-names-stack';
export * from './terraform/registered-clouds';
export * from './terraform/render-stack';
export * from './terraform/stack-entry';
export * from './terraform/stack-names';
export * from './terraform/stack-outputs';
export * from './terraform/tags';
export * from './terraform/terraform-environment';

// Names two folders both define: the alert severity is `Severity`, the policy severity `PolicySeverity`.
export type { Severity } from './monitoring/types';
export type { Severity as PolicySeverity } from './kyverno/policy-definition';

export * as aws from './terraform/aws';
export * as azure from './terraform/azure';
export * as gcp from './terraform/gcp';
