import { ApiObject, type Duration } from 'cdk8s';
import { Construct } from 'constructs';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { type ComplianceReportStore, POLICY_REPORTER_WORKLOAD } from '../core/observability-contract';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import { cloudProfile, clusterProfile } from '../kubernetes/registered-cluster-profiles';
import { envVars, type ScratchVolume, type ScriptContainer, scriptCronJob } from '../kubernetes/script-cron-job';
import { POLICY_REPORTER_SECRETS, POLICY_REPORTER_WEBHOOK_KEY } from '../platform/addons/policy-reporter-notifications';
import { RequiredSecret } from '../secrets/required-secret';
import type { RenderScriptVariable } from './render-script';
import { REPORT_IMAGES, type ReportImages } from './report-images';
import { storeUrl } from './report-layout';
import { COMPLIANCE_REPORT_INTERVAL, cronEvery, REPORT_JOB_DEADLINE, REPORT_STARTING_DEADLINE } from './report-schedule';
import type { CollectScriptVariable, NotifyScriptVariable, UploadScriptVariable } from './report-scripts';

/** How the render step runs its script; the tests run it the same way. */
export const PYTHON = ['python3', '-I', '-B'] as const;

/** The keys of the scripts ConfigMap. */
export const REPORT_SCRIPT_KEYS = { collect: 'collect.sh', render: 'render.py', upload: 'upload.sh', notify: 'notify.sh' } as const;

/** The CronJob's name in the policy-reporter namespace, the same on every cluster. */
export const COMPLIANCE_REPORT_JOB_NAME = 'compliance-report';

export interface ComplianceReportJobProps {
  /** Environment name, for the report and error messages. */
  readonly environment: string;
  /** The cluster whose policy results are reported; its cloud picks the store and the upload CLI. */
  readonly cluster: ClusterSpec;
  /** The environment's report store on the cluster's cloud (complianceReportStore). */
  readonly store: ComplianceReportStore;
  /** `<env>/<cluster>`: where the cluster's reports go inside the store (reportPrefix). */
  readonly prefix: string;
  /** The ConfigMap holding the four scripts under REPORT_SCRIPT_KEYS. */
  readonly scripts: ApiObject;
  /** Ownership labels of the pods (owner, cost centre, environment). */
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * How often a report is made. Pass the same `reportInterval` to the monitoring domain
   * (complianceReportMonitoring), whose ComplianceReportNotProduced alert allows for it.
   * @default COMPLIANCE_REPORT_INTERVAL (6 hours)
   */
  readonly interval?: Duration;
  /** @default REPORT_IMAGES */
  readonly images?: ReportImages;
}

/** Writable scratch space: every root filesystem is read-only. */
const SCRATCH = {
  report: { path: '/compliance/report', sizeLimit: '256Mi' }, // the listing, the reports, the upload markers, the Slack message
  home: { path: '/compliance/home', sizeLimit: '256Mi' }, // the CLIs' configuration and token caches (~/.azure, ~/.config/gcloud, ~/.aws)
  tmp: { path: '/tmp', sizeLimit: '256Mi' },
} as const satisfies Record<string, ScratchVolume>;
type Scratch = keyof typeof SCRATCH;

const SLACK_PATH = '/secrets/slack';
/** Where kubectl's in-cluster configuration looks for the ServiceAccount token, CA and namespace. */
const KUBE_API_ACCESS_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** The shortest lifetime the API server issues; the collect step needs the token for seconds. */
const TOKEN_EXPIRATION_SECONDS = 600;

/**
 * Retries of a failed step. The pod restarts the step in place (`OnFailure`), keeping the
 * collected listing, the run's start and the upload markers, so a retried upload completes the
 * same run folder, creating only the reports still missing, instead of starting a second one.
 */
const BACKOFF_LIMIT = 2;

/** Variables every CLI of the upload step needs on its cloud, besides the script's own (`CloudClusterProfile.uploadEnv`). */
function cloudEnv(store: ComplianceReportStore): Readonly<Record<string, string>> {
  return cloudProfile(store.cloud).uploadEnv(store);
}

/**
 * The six-hourly compliance report of one cluster (issue 5, seed WS3): a CronJob in the
 * policy-reporter namespace running as policy-reporter's ServiceAccount, whose chart RBAC reads
 * (Cluster)PolicyReports and whose annotations bind the cluster's cloud identity. Four steps
 * share an emptyDir: init containers collect (kubectl), render (Python) and upload (the cloud's
 * CLI, workload identity only, creating new objects only), then the main container posts the
 * summary to Slack (curl). Scripts: report-scripts.ts and render-script.ts. Runs never overlap:
 * a second would only report the same results into another folder.
 */
export class ComplianceReportJob extends Construct {
  readonly cronJob: ApiObject;

  constructor(scope: Construct, id: string, props: ComplianceReportJobProps) {
    super(scope, id);
    const { cluster, store } = props;
    if (store.cloud !== cluster.cloud) {
      throw new Error(
        `${props.environment}: ${this.node.path}: the report store is on ${store.cloud}, cluster ${cluster.name} on ${cluster.cloud}; its identity can write only to its own cloud (fix: pass complianceReportStore(spec, '${cluster.cloud}'))`,
      );
    }
    const storeProblem = cloudProfile(store.cloud).storeProblem(store);
    if (storeProblem !== undefined) throw new Error(`${props.environment}: ${this.node.path}: ${storeProblem}`);
    const images = props.images ?? REPORT_IMAGES;
    const url = storeUrl(store);
    // Every step writes only to the emptyDirs: temporary files to TMPDIR, the CLIs' caches to HOME.
    const tmp = { TMPDIR: SCRATCH.tmp.path };
    const home = { HOME: SCRATCH.home.path };

    const collectEnv: Record<CollectScriptVariable, string> = { REPORT_DIR: SCRATCH.report.path, REPORT_PREFIX: props.prefix };
    const collect: ScriptContainer<Scratch> = {
      name: 'collect',
      image: images.kubectl,
      script: REPORT_SCRIPT_KEYS.collect,
      env: envVars({ ...collectEnv, ...home, ...tmp }),
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      scratch: ['report', 'home', 'tmp'],
      // The only step that calls the Kubernetes API, so the only one with the ServiceAccount token.
      volumeMounts: [{ name: 'kube-api-access', mountPath: KUBE_API_ACCESS_PATH, readOnly: true }],
    };

    const renderEnv: Record<RenderScriptVariable, string> = {
      REPORT_DIR: SCRATCH.report.path,
      ENVIRONMENT: props.environment,
      CLUSTER: cluster.name,
      STORE_URL: url,
    };
    const render: ScriptContainer<Scratch> = {
      name: 'render',
      image: images.python,
      script: REPORT_SCRIPT_KEYS.render,
      // -I: isolated from PYTHON* variables and site-packages (the standard library only); -B: no bytecode files.
      interpreter: PYTHON,
      env: envVars({ ...renderEnv, ...tmp }),
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      scratch: ['report', 'tmp'],
    };

    const uploadEnv: Record<Exclude<UploadScriptVariable, 'CONTAINER' | 'SSE_KMS_KEY_ID'>, string> & Partial<Record<'CONTAINER' | 'SSE_KMS_KEY_ID', string>> = {
      REPORT_DIR: SCRATCH.report.path,
      CLOUD: store.cloud,
      BUCKET: store.bucket,
      ...(store.container !== undefined ? { CONTAINER: store.container } : {}),
      ...(store.kmsKeyId !== undefined ? { SSE_KMS_KEY_ID: store.kmsKeyId } : {}),
      STORE_URL: url,
    };
    const upload: ScriptContainer<Scratch> = {
      name: 'upload',
      image: images.upload[store.cloud],
      script: REPORT_SCRIPT_KEYS.upload,
      env: envVars({ ...uploadEnv, ...cloudEnv(store), ...home, ...tmp }),
      // The Azure CLI is the largest of the three (a Python application of several hundred modules).
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '1', memory: '768Mi' } },
      scratch: ['report', 'home', 'tmp'],
    };

    const notifyEnv: Record<NotifyScriptVariable, string> = { REPORT_DIR: SCRATCH.report.path, SLACK_WEBHOOK_FILE: `${SLACK_PATH}/${POLICY_REPORTER_WEBHOOK_KEY}` };
    const notify: ScriptContainer<Scratch> = {
      name: 'notify',
      image: images.curl,
      script: REPORT_SCRIPT_KEYS.notify,
      env: envVars({ ...notifyEnv, ...tmp }),
      resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
      scratch: ['report', 'tmp'],
      volumeMounts: [{ name: 'slack-webhook', mountPath: SLACK_PATH, readOnly: true }],
    };

    new RequiredSecret(this, 'slack-webhook', {
      name: POLICY_REPORTER_SECRETS.slack,
      namespace: POLICY_REPORTER_WORKLOAD.namespace,
      keys: [{ name: POLICY_REPORTER_WEBHOOK_KEY, holds: "Slack incoming-webhook URL of the environment's channel (the one policy-reporter posts to)" }],
      reader: 'compliance-report CronJob: notify step, webhook file',
      clusters: [cluster.name],
    });
    const volumes: IVolume[] = [
      // Optional: without the Secret the pod still starts and uploads the report; notify.sh then
      // fails the Job with its own exit code, so the missing webhook is seen.
      {
        name: 'slack-webhook',
        secret: { secretName: POLICY_REPORTER_SECRETS.slack, optional: true, items: [{ key: POLICY_REPORTER_WEBHOOK_KEY, path: POLICY_REPORTER_WEBHOOK_KEY }] },
      },
      // What automountServiceAccountToken would mount, for the collect step only.
      {
        name: 'kube-api-access',
        projected: {
          sources: [
            { serviceAccountToken: { path: 'token', expirationSeconds: TOKEN_EXPIRATION_SECONDS } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ];

    // The labels the cloud's workload identity webhook needs on the pod (AKS: azure.workload.identity/use).
    const identityLabels = clusterProfile(cluster).identityPodLabels;
    const cronJob = scriptCronJob({
      name: COMPLIANCE_REPORT_JOB_NAME,
      namespace: POLICY_REPORTER_WORKLOAD.namespace,
      app: COMPLIANCE_REPORT_JOB_NAME,
      instance: cluster.name,
      podLabels: { ...props.podLabels, ...identityLabels },
      schedule: cronEvery(props.interval ?? COMPLIANCE_REPORT_INTERVAL),
      startingDeadline: REPORT_STARTING_DEADLINE,
      jobDeadline: REPORT_JOB_DEADLINE,
      backoffLimit: BACKOFF_LIMIT,
      restartPolicy: 'OnFailure',
      // policy-reporter's ServiceAccount: read access to the policy reports (the chart's
      // ClusterRole) and the cluster's cloud identity (its annotations), nothing else of ours.
      serviceAccountName: POLICY_REPORTER_WORKLOAD.serviceAccount,
      scripts: props.scripts,
      scratch: SCRATCH,
      initContainers: [collect, render, upload],
      containers: [notify],
      volumes,
    });
    this.cronJob = new ApiObject(this, 'Resource', cronJob);
  }
}
