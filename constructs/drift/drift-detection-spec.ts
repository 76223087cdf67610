import type { Duration } from 'cdk8s';

/**
 * The drift policy of an environment (seed WS5): how often Argo CD compares Git with the clusters,
 * how severe drift of each class of resources is, and what happens to drift of each severity.
 * constructs/drift/drift-policy.ts turns it into Argo CD sync policies, Application labels and
 * Prometheus alerts.
 */
export interface DriftDetectionSpec {
  /** Argo CD reconciliation interval (argocd-cm `timeout.reconciliation`). */
  readonly interval: Duration;
  /** Severity of drift in each class of resources (policies and RBAC are critical, ...). */
  readonly severityByClass: Readonly<Record<ResourceClass, DriftSeverity>>;
  /** What is done about drift of each severity, and how long it may last before it alerts. */
  readonly remediation: Readonly<Record<DriftSeverity, DriftRemediation>>;
}

/**
 * What an Argo CD Application deploys, for the drift policy: `policies` (Kyverno policies and
 * exceptions), `rbac` (AppProjects, Argo CD RBAC and the app of apps), `platform` (the add-on
 * charts), `configuration` (namespaces and their Pod Security labels), `observability` (rules,
 * dashboards, drift checks), `workloads` (tenant applications).
 */
export type ResourceClass = 'policies' | 'rbac' | 'platform' | 'configuration' | 'observability' | 'workloads';

export type DriftSeverity = 'critical' | 'warning' | 'info';

/**
 * `sync`: Argo CD self-heal puts the live objects back to Git at once. `rollback`: self-heal as
 * well, and deliveries of the class that fail their analysis are aborted back to the stable
 * version by Argo Rollouts instead of waiting for a human. `alert`: nothing is changed
 * automatically (no self-heal); a human decides after the alert.
 */
export type RemediationStrategy = 'sync' | 'rollback' | 'alert';

export interface DriftRemediation {
  readonly strategy: RemediationStrategy;
  /** How long drift may stay unremediated before its alert fires (Prometheus `for:`). */
  readonly alertAfter: Duration;
}
