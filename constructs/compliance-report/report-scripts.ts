import { S3_UPLOAD_ENCRYPTION } from '../core/s3-upload-encryption';
import { POLICY_REPORTER_SECRETS, POLICY_REPORTER_WEBHOOK_KEY } from '../platform/addons/policy-reporter-notifications';
import { REPORT_FILES, WORK_FILES } from './report-layout';

/**
 * The POSIX shell steps of the compliance report, shipped in the job's ConfigMap next to
 * `render.py`: `collect.sh` (kubectl image), `upload.sh` (the cloud's CLI image) and `notify.sh`
 * (curl image). Each takes its inputs from the environment variables below, which the CronJob
 * sets, and exits non-zero on failure, which fails the step and, after the retries, the Job.
 */

/** The variables `collect.sh` reads. */
export type CollectScriptVariable = 'REPORT_DIR' | 'REPORT_PREFIX';

/**
 * The variables `upload.sh` reads. CONTAINER only on Azure; on Azure also AZURE_CLIENT_ID,
 * AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE, which the workload identity webhook injects.
 * SSE_KMS_KEY_ID only on AWS: the KMS key the uploads name (`ComplianceReportStore.kmsKeyId`).
 */
export type UploadScriptVariable = 'REPORT_DIR' | 'CLOUD' | 'BUCKET' | 'CONTAINER' | 'STORE_URL' | 'SSE_KMS_KEY_ID';

/** The variables `notify.sh` reads. */
export type NotifyScriptVariable = 'REPORT_DIR' | 'SLACK_WEBHOOK_FILE';

/** Exit codes that tell in the Job's status which step could not deliver. */
export const REPORT_EXIT_CODES = {
  /** `upload.sh`: the cloud login or an upload failed. */
  uploadFailed: 3,
  /** `notify.sh`: Slack did not accept the summary. */
  slackFailed: 4,
  /** `notify.sh`: the Secret with the Slack webhook is missing (the report was uploaded). */
  noSlackWebhook: 5,
} as const;

/**
 * Notes the run's start (the report's `generatedAt` and the folder name, from one `date` call so
 * they agree), then reads every PolicyReport and ClusterPolicyReport of the cluster.
 */
export const COLLECT_SCRIPT = `# Compliance report, step 1 of 4 (gitops-cdk, constructs/compliance-report): note the run's
# start and read every PolicyReport and ClusterPolicyReport of the cluster.
set -eu
started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
# The run's folder is its start to the minute without colons: 2025-01-02T06:00:07Z -> 2025-01-02T0600Z.
minute=\${started_at%:*}
run=$(printf %s "$minute" | tr -d :)Z
printf '%s\\n' "$started_at" > "$REPORT_DIR/${WORK_FILES.startedAt}"
printf '%s\\n' "$REPORT_PREFIX/$run" > "$REPORT_DIR/${WORK_FILES.folder}"
# Written aside first: a half-written listing never reaches the render step.
kubectl get policyreports.wgpolicyk8s.io,clusterpolicyreports.wgpolicyk8s.io --all-namespaces --output json \\
  > "$REPORT_DIR/${WORK_FILES.policyReports}.partial"
mv "$REPORT_DIR/${WORK_FILES.policyReports}.partial" "$REPORT_DIR/${WORK_FILES.policyReports}"
echo "compliance-report: collected the policy reports at $started_at"
`;

const { json, html } = REPORT_FILES;

/**
 * Uploads both reports to the run's folder with the pod's workload identity and no stored key.
 * The reports are append-only audit evidence: the step only ever creates objects, never replaces
 * one (on GCP the identity's `roles/storage.objectCreator` could not; on Azure the CLI refuses to
 * without `--overwrite`). A retried step therefore skips each report an earlier attempt uploaded
 * (its marker in REPORT_DIR, which the in-place restart keeps) instead of uploading it again.
 * - AWS: IRSA credentials from the environment; `--sse aws:kms --sse-kms-key-id $SSE_KMS_KEY_ID`:
 *   the bucket policy refuses an upload without the SSE-KMS header, and the key id makes S3 use
 *   the bucket's key rather than `aws/s3` (S3_UPLOAD_ENCRYPTION, constructs/s3-upload-encryption.ts);
 * - Azure: `az login` with the federated token the webhook projects, then Entra ID auth on the blob;
 * - GCP: GKE workload identity through the metadata server, gcloud's default credentials.
 */
export const UPLOAD_SCRIPT = `# Compliance report, step 3 of 4 (gitops-cdk, constructs/compliance-report): upload the reports
# to the environment's report store on this cluster's cloud with the pod's workload identity.
set -eu
folder=$(cat "$REPORT_DIR/${WORK_FILES.folder}")

fail() {
  echo "compliance-report: $1" >&2
  exit ${REPORT_EXIT_CODES.uploadFailed}
}

if [ "$CLOUD" = aws ]; then
  : "\${SSE_KMS_KEY_ID:?is not set: the bucket policy refuses uploads that do not name SSE-KMS, and without a key id S3 would use aws/s3}"
fi

if [ "$CLOUD" = azure ]; then
  : "\${AZURE_FEDERATED_TOKEN_FILE:?is not set: the pod needs the label azure.workload.identity/use=true and its ServiceAccount the azure.workload.identity/client-id annotation}"
  # --allow-no-subscriptions: the identity holds a role on the report container only.
  az login --service-principal -u "$AZURE_CLIENT_ID" -t "$AZURE_TENANT_ID" \\
    --federated-token "$(cat "$AZURE_FEDERATED_TOKEN_FILE")" --allow-no-subscriptions --output none \\
    || fail "az login with the workload identity $AZURE_CLIENT_ID failed"
fi

# create <file> <object name> <content type>: a new object; none is ever replaced.
create() {
  case "$CLOUD" in
    aws) aws s3 cp --only-show-errors --sse ${S3_UPLOAD_ENCRYPTION.algorithm} --sse-kms-key-id "$SSE_KMS_KEY_ID" --content-type "$3" "$1" "s3://$BUCKET/$2" ;;
    gcp) gcloud storage cp --quiet --content-type="$3" "$1" "gs://$BUCKET/$2" ;;
    azure)
      # No --overwrite: the upload fails rather than replace a blob.
      az storage blob upload --auth-mode login --account-name "$BUCKET" --container-name "$CONTAINER" \\
        --name "$2" --file "$1" --content-type "$3" --only-show-errors --output none ;;
    *) echo "compliance-report: unknown cloud $CLOUD" >&2; return 1 ;;
  esac
}

# deliver <report file> <content type>: once per run, even when the step is retried.
deliver() {
  uploaded="$REPORT_DIR/$1${WORK_FILES.uploadedSuffix}"
  if [ -e "$uploaded" ]; then
    echo "compliance-report: $1 was uploaded by an earlier attempt"
    return 0
  fi
  create "$REPORT_DIR/$1" "$folder/$1" "$2" || fail "could not upload $1 to $STORE_URL/$folder/"
  : > "$uploaded"
}

deliver ${json.name} "${json.contentType}"
deliver ${html.name} "${html.contentType}"
echo "compliance-report: uploaded to $STORE_URL/$folder/"
`;

/**
 * Posts the summary `render.py` wrote to the channel's incoming webhook. curl reads the webhook
 * URL from a config file written with a private umask, so the URL is never on a command line.
 */
export const NOTIFY_SCRIPT = `# Compliance report, step 4 of 4 (gitops-cdk, constructs/compliance-report): post the summary to
# the environment's Slack channel.
set -eu
if [ ! -s "$SLACK_WEBHOOK_FILE" ]; then
  echo "compliance-report: no Slack webhook at $SLACK_WEBHOOK_FILE (Secret ${POLICY_REPORTER_SECRETS.slack}, key ${POLICY_REPORTER_WEBHOOK_KEY}); the report was uploaded, the summary not posted" >&2
  exit ${REPORT_EXIT_CODES.noSlackWebhook}
fi
umask 077
config="\${TMPDIR:-/tmp}/slack.curlrc"
{ printf 'url = "'; tr -d '\\r\\n' < "$SLACK_WEBHOOK_FILE"; printf '"\\n'; } > "$config"
# -q first: no ~/.curlrc of the image can add options.
if ! curl -q --silent --show-error --fail --max-time 30 --retry 3 --config "$config" \\
  --header 'Content-Type: application/json' --data-binary "@$REPORT_DIR/${WORK_FILES.slackMessage}" --output /dev/null; then
  rm -f "$config"
  echo "compliance-report: Slack did not accept the summary" >&2
  exit ${REPORT_EXIT_CODES.slackFailed}
fi
rm -f "$config"
echo "compliance-report: summary posted to Slack"
`;
