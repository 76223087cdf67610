/**
 * What the Terraform drift-check CronJobs push and what the alerts, recordings and dashboards
 * read: one set of names for both sides (the metric names are part of the observability
 * contract of issue 5).
 */

/** The gauges each check pushes, labelled `stack` (grouping key) and `cloud`. */
export const TERRAFORM_DRIFT_METRICS = {
  /** 1 when the last successful plan found changes (drift), 0 when it found none. */
  detected: 'gitops_terraform_drift_detected',
  /** 1 when the last plan ran to a verdict, 0 when init or plan failed. */
  success: 'gitops_terraform_drift_check_success',
  /** Unix time of the last run, whatever its outcome. */
  lastRun: 'gitops_terraform_drift_check_last_run_timestamp_seconds',
} as const;

/**
 * The `job` of the Pushgateway grouping key (`/metrics/job/terraform-drift/stack/<stack>`): each
 * stack's results are one group, replaced by its next push. The ServiceMonitor scrapes with
 * honorLabels, so `job` and `stack` survive as pushed.
 */
export const DRIFT_CHECK_PUSH_JOB = 'terraform-drift';

/** CronJob names leave room for the 11 characters Kubernetes appends to the Jobs it creates. */
export const MAX_CRONJOB_NAME = 52;

/**
 * The CronJob that checks a stack: the stack's own name, inside the `terraform-drift` namespace.
 * kube-state-metrics reports it as `kube_cronjob_created{namespace="terraform-drift",cronjob=<name>}`,
 * which the not-run alert reads to know which cluster runs which check.
 */
export function driftCheckCronJobName(stack: string): string {
  return stack;
}
