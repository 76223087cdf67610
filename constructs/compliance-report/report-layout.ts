import type { ComplianceReportStore } from '../core/observability-contract';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { cloudProfile } from '../kubernetes/registered-cluster-profiles';

/**
 * Where a cluster's reports land inside the environment's report store, the same on every cloud:
 *
 *     <env>/<cluster>/<YYYY-MM-DDTHHMMZ>/report.json, report.html   one folder per run (its start, UTC)
 *
 * Append-only audit evidence: every run creates new objects and none is ever replaced (the
 * uploader identities may create objects only; on GCP `roles/storage.objectCreator` cannot
 * overwrite), so there is no "latest" copy: the newest run folder is the latest report. The run
 * folder has no colons, so it is a valid name in every store and needs no URL encoding.
 */

/** The files of a run, as the render step writes them and the upload step names the objects. */
export const REPORT_FILES = {
  json: { name: 'report.json', contentType: 'application/json' },
  html: { name: 'report.html', contentType: 'text/html; charset=utf-8' },
} as const;

/** Files the steps hand each other inside REPORT_DIR (an emptyDir shared by the containers). */
export const WORK_FILES = {
  /** `kubectl get … -o json`: a List of PolicyReports and ClusterPolicyReports. */
  policyReports: 'policyreports.json',
  /** The run's start, `date -u +%Y-%m-%dT%H:%M:%SZ`: the report's `generatedAt`. */
  startedAt: 'started-at',
  /** The run's folder in the store, `<env>/<cluster>/<YYYY-MM-DDTHHMMZ>`. */
  folder: 'folder',
  /** The Slack message (incoming-webhook JSON payload). */
  slackMessage: 'slack.json',
  /**
   * Suffix of the marker the upload step leaves next to each report it uploaded (`report.json.uploaded`),
   * so a retried step uploads only what is missing: it may not replace an object it created.
   */
  uploadedSuffix: '.uploaded',
} as const;

/** `<env>/<cluster>`: every object of the cluster's reports lies under it. */
export function reportPrefix(spec: { readonly name: string }, cluster: Pick<ClusterSpec, 'name'>): string {
  return `${spec.name}/${cluster.name}`;
}

/**
 * The store as a URL an engineer can paste into the cloud's CLI (`CloudClusterProfile.storeUrl`):
 * `s3://<bucket>`, `gs://<bucket>`, or the Azure container's blob endpoint (public Azure cloud).
 */
export function storeUrl(store: ComplianceReportStore): string {
  return cloudProfile(store.cloud).storeUrl(store);
}
