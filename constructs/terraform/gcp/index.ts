/** The GCP implementation of the Terraform cloud contract and its constructs (constructs/index.ts exports it as `gcp`). */
export * from './argocd-federation';
export * from './billing-account-access';
export * from './budget';
export * from './ci-identities';
export * from './cluster-stack';
export * from './compliance-report-store';
export * from './customer-managed-key';
export * from './estate';
export * from './foundation-stack';
export * from './gcp-stack';
export * from './gcs-state-backend';
export * from './gke-ip-ranges';
export * from './network-stack';
export * from './private-bucket';
export * from './service-account-id';
export * from './workload-service-account';
