import type { Duration } from 'cdk8s';
import { existsSync } from 'node:fs';
import { showValue, type Violation } from '../../constructs/guardrails/violation';
import { type Finding, finding, isString, matches, unless } from '../../constructs/core/finding';
import { INFRASTRUCTURE_CHECKS } from './validate-infrastructure';
import { checkSsoUrlsUnique, SSO_CHECKS } from './validate-sso';
import { PINS_FILE } from '../../environments/pins';
import { ENVIRONMENT_SPEC_SCHEMA } from './spec-schema';
import { compareReleases } from '../../constructs/kyverno/catalog-release';
import { KYVERNO_RELEASES, kyvernoReleaseOfChart, supportsKubernetes } from '../../constructs/kyverno/kyverno-release';
import { MIN_REASON_LENGTH } from '../../constructs/kyverno/policy-exception';
import { retryWindowSeconds } from '../../constructs/argocd/sync-policy';
import { CATALOG_RELEASES, policiesAt, type Severity } from '../../policies';
import type {
  AksClusterSpec,
  ChartVersions,
  ClusterSpec,
  EnvironmentSpec,
  GkeClusterSpec,
  SyncSpec,
  SyncWindowSpec,
} from '../../environments/types';

/**
 * Runtime validation of the environment specs. The type system proves the shape of a spec; these
 * checks prove its values (formats, ranges, cross-field consistency, tier guardrails) so that a bad
 * value fails before synth with a message saying where, what and how to fix it, instead of failing
 * later inside Argo CD or Terraform.
 *
 * Every check is a small pure function returning findings; `validateEnvironment` runs all of them
 * and never stops at the first problem, so the user fixes everything in one round trip.
 */

type Check = (spec: EnvironmentSpec) => readonly Finding[];

/**
 * Durations render Go-style (`"1h30m"`, `"25h"`), the notation Argo CD itself uses, rather than the
 * JSON of cdk8s' internals; cdk8s' toHumanString prints 2 hours as "1 hour 60 minutes".
 */
function showDuration(duration: Duration): string {
  const seconds = millis(duration) / 1000;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '', rest > 0 ? `${rest}s` : ''];
  return parts.join('') || '0s';
}

/** Milliseconds without cdk8s' whole-number check, so `Duration.millis(500)` compares instead of throwing. */
function millis(duration: Duration): number {
  return duration.toMilliseconds({ integral: false });
}

/**
 * A check written as data: one condition on a subject, the value to show, and the message. Used
 * where a section is a list of independent bounds, so each bound is one row rather than one
 * copy-pasted function.
 */
interface Rule<T> {
  readonly field: string;
  readonly value: (subject: T) => unknown;
  readonly ok: (subject: T) => boolean;
  readonly problem: string;
  readonly fix: string;
}

function applyRules<T>(rules: readonly Rule<T>[], subject: T): Finding[] {
  return rules.flatMap((rule) => unless(rule.ok(subject), rule.field, rule.value(subject), rule.problem, rule.fix));
}

// ---------------------------------------------------------------------------------------------
// Formats shared by several sections
// ---------------------------------------------------------------------------------------------

/** RFC 1123 label restricted to a letter start: safe in paths, resource names and label values. */
const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** Kubernetes label value: empty, or ≤ 63 alphanumerics with `-`, `_`, `.` inside. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isDnsLabel(value: unknown, maxLength: number): boolean {
  return matches(value, DNS_LABEL) && (value as string).length <= maxLength;
}

function isLabelValue(value: unknown): boolean {
  return matches(value, LABEL_VALUE) && (value as string).length <= 63;
}

/** `[prefix/]name`: prefix a DNS subdomain ≤ 253 chars, name ≤ 63 chars (Kubernetes label key rules). */
function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefixOk = prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253);
  return prefixOk && LABEL_NAME.test(name) && name.length <= 63;
}

function isHttpsUrl(value: unknown): boolean {
  if (!isString(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Identity: name, owner, cost centre
// ---------------------------------------------------------------------------------------------

const MAX_ENVIRONMENT_NAME = 32;

const checkName: Check = (spec) =>
  unless(
    isDnsLabel(spec.name, MAX_ENVIRONMENT_NAME),
    'name',
    spec.name,
    `the environment name must be a DNS label (lowercase letters, digits and '-', starting with a letter, at most ${MAX_ENVIRONMENT_NAME} characters): it becomes dist/k8s/<name>/, resource names and label values`,
    `rename it to something like 'prod-eu'`,
  );

/** Both are stamped on every object and cloud resource as label/tag values. */
const OWNERSHIP_FIELDS = ['owner', 'costCentre'] as const;

const checkOwnership: Check = (spec) =>
  OWNERSHIP_FIELDS.flatMap((field) =>
    unless(
      isLabelValue(spec[field]) && spec[field] !== '',
      field,
      spec[field],
      `${field} must be a non-empty Kubernetes label value (at most 63 letters, digits, '-', '_', '.', alphanumeric at both ends): it is labelled on every object and tagged on every cloud resource`,
      `set ${field} to a value like 'platform-team'`,
    ),
  );

// ---------------------------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------------------------

const MAX_CLUSTER_NAME = 40;
const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Region spellings differ per cloud; a region of the wrong cloud is a copy-paste error. */
const REGION_FORMATS: Readonly<Record<ClusterSpec['cloud'], { pattern: RegExp; example: string }>> = {
  aws: { pattern: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, example: 'eu-west-1' },
  gcp: { pattern: /^[a-z]+-[a-z]+\d{1,2}$/, example: 'europe-west1' },
  azure: { pattern: /^[a-z][a-z0-9]*$/, example: 'westeurope' },
};

/** 6–30 chars, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen. */
const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

type ClusterCheck = (cluster: ClusterSpec, at: string, spec: EnvironmentSpec) => readonly Finding[];

const checkClusterCount: Check = (spec) =>
  unless(
    spec.clusters.length > 0,
    'clusters',
    spec.clusters,
    'an environment needs at least one cluster: Argo CD has nowhere to run and nothing to deploy to',
    `add a cluster with role: 'management'`,
  );

/** Exactly one: Argo CD runs once per environment; two would fight over the same applications. */
const checkManagementCluster: Check = (spec) => {
  const count = spec.clusters.filter((cluster) => cluster.role === 'management').length;
  // No clusters at all is reported once, by checkClusterCount.
  if (spec.clusters.length === 0 || count === 1) return [];
  return [
    finding(
      'clusters[].role',
      spec.clusters.map((cluster) => cluster.role),
      `exactly one cluster must have role 'management' (it runs Argo CD for the environment), found ${count}`,
      count === 0
        ? `set role: 'management' on the cluster that should run Argo CD`
        : `keep role: 'management' on one cluster and set role: 'workload' on the others`,
    ),
  ];
};

/** Names are the Argo CD cluster name and the `cluster` label; duplicates overwrite each other. */
const checkClusterNamesUnique: Check = (spec) =>
  spec.clusters.flatMap((cluster, index) =>
    unless(
      spec.clusters.findIndex((other) => other.name === cluster.name) === index,
      `clusters[${index}].name`,
      cluster.name,
      'cluster names must be unique within the environment: the second cluster secret would replace the first in Argo CD',
      'give each cluster a distinct name, e.g. suffix the region',
    ),
  );

const checkClusterName: ClusterCheck = (cluster, at) =>
  unless(
    isDnsLabel(cluster.name, MAX_CLUSTER_NAME),
    `${at}.name`,
    cluster.name,
    `a cluster name must be a DNS label (lowercase letters, digits and '-', starting with a letter, at most ${MAX_CLUSTER_NAME} characters): it names the Argo CD cluster secret and labels objects`,
    `rename it to something like 'prod-eks-euw1'`,
  );

const checkApiServer: ClusterCheck = (cluster, at) =>
  unless(
    isHttpsUrl(cluster.apiServer),
    `${at}.apiServer`,
    cluster.apiServer,
    'the API server must be an https:// URL: Argo CD would otherwise send cluster credentials without TLS',
    `use the cluster endpoint, e.g. 'https://<id>.gr7.<region>.eks.amazonaws.com'`,
  );

function decodesToCertificate(caData: unknown): boolean {
  if (!matches(caData, BASE64) || caData === '') return false;
  return Buffer.from(caData as string, 'base64')
    .toString('utf8')
    .startsWith(PEM_CERTIFICATE);
}

const checkCaData: ClusterCheck = (cluster, at) =>
  unless(
    decodesToCertificate(cluster.caData),
    `${at}.caData`,
    cluster.caData,
    `caData must be base64 of a PEM bundle starting with '${PEM_CERTIFICATE}': Argo CD verifies the API server's TLS certificate with it`,
    'paste the base64 certificate-authority data from the cloud CLI (aws eks describe-cluster, az aks show, gcloud container clusters describe)',
  );

const checkRegion: ClusterCheck = (cluster, at) => {
  const format = REGION_FORMATS[cluster.cloud];
  return unless(
    matches(cluster.region, format.pattern),
    `${at}.region`,
    cluster.region,
    `not a ${cluster.cloud} region name: a region of another cloud or a typo puts the cluster and its resources in the wrong place`,
    `use the ${cluster.cloud} spelling, e.g. '${format.example}'`,
  );
};

const checkClusterLabels: ClusterCheck = (cluster, at) =>
  Object.entries(cluster.labels ?? {}).flatMap(([key, value]) => [
    ...unless(
      isLabelKey(key),
      `${at}.labels`,
      key,
      'not a valid Kubernetes label key ([prefix/]name, name at most 63 alphanumerics, -, _, .): the Argo CD cluster secret would be rejected',
      `rename the key, e.g. 'gitops-cdk.io/zone'`,
    ),
    ...unless(
      isLabelValue(value),
      `${at}.labels[${JSON.stringify(key)}]`,
      value,
      'not a valid Kubernetes label value (at most 63 alphanumerics, -, _, ., alphanumeric at both ends): the Argo CD cluster secret would be rejected',
      'use letters, digits, -, _ and . only',
    ),
  ]);

/** Azure identities are GUIDs; a name or a truncated id fails only at login time otherwise. */
const AKS_GUID_FIELDS = ['tenantId', 'argocdClientId'] as const;

function checkAksIdentity(cluster: AksClusterSpec, at: string): Finding[] {
  return AKS_GUID_FIELDS.flatMap((field) =>
    unless(
      matches(cluster[field], GUID),
      `${at}.${field}`,
      cluster[field],
      `${field} must be a GUID: Argo CD authenticates to AKS with Azure workload identity using it`,
      `copy the GUID from the Azure portal or az CLI, e.g. '3f8c2a6e-1b4d-4e7a-9c0f-5d2e8b1a7c94'`,
    ),
  );
}

function checkGkeIdentity(cluster: GkeClusterSpec, at: string): Finding[] {
  return unless(
    matches(cluster.projectId, GCP_PROJECT_ID),
    `${at}.projectId`,
    cluster.projectId,
    'not a GCP project id (6-30 characters, lowercase letter first, lowercase letters, digits and hyphens, no trailing hyphen): the project name or number will not work with workload identity',
    'use the project id from `gcloud projects list`, e.g. acme-platform-dev',
  );
}

const checkCloudIdentity: ClusterCheck = (cluster, at) => {
  switch (cluster.cloud) {
    case 'aws':
      // Derived, not stored: the account is clouds.aws.accountId (checked with the clouds) and
      // Argo CD's role is argocd-<cluster> in it (constructs/terraform/aws/eks-identity-names.ts).
      return [];
    case 'azure':
      return checkAksIdentity(cluster, at);
    case 'gcp':
      return checkGkeIdentity(cluster, at);
  }
};

/** The id that ties a cluster to its cloud account, and the same id as `clouds` declares it. */
function accountIds(
  cluster: ClusterSpec,
  spec: EnvironmentSpec,
): { field: string; actual: string; expected: string } | undefined {
  switch (cluster.cloud) {
    case 'aws':
      // An EKS cluster has no account of its own: it is clouds.aws.accountId.
      return undefined;
    case 'azure':
      return (
        spec.clouds.azure && { field: 'azure.tenantId', actual: cluster.tenantId, expected: spec.clouds.azure.tenantId }
      );
    case 'gcp':
      return (
        spec.clouds.gcp && { field: 'gcp.projectId', actual: cluster.projectId, expected: spec.clouds.gcp.projectId }
      );
  }
}

const checkCloudConsistency: ClusterCheck = (cluster, at, spec) => {
  if (spec.clouds[cluster.cloud] === undefined) {
    return [
      finding(
        `${at}.cloud`,
        cluster.cloud,
        `the cluster runs on ${cluster.cloud} but clouds.${cluster.cloud} is not set: Terraform would manage no account for it`,
        `add clouds.${cluster.cloud} with the account of the cluster`,
      ),
    ];
  }
  // The cluster's account must be the one Terraform manages, or Terraform and Argo CD disagree.
  const ids = accountIds(cluster, spec);
  return ids === undefined
    ? []
    : unless(
        ids.actual === ids.expected,
        `${at}.${ids.field.slice(ids.field.indexOf('.') + 1)}`,
        ids.actual,
        `differs from clouds.${ids.field} (${JSON.stringify(
          ids.expected,
        )}): the cluster would live outside the account Terraform manages for the environment`,
        `make the cluster and clouds.${ids.field} name the same account`,
      );
};

const CLUSTER_CHECKS: readonly ClusterCheck[] = [
  checkClusterName,
  checkApiServer,
  checkCaData,
  checkRegion,
  checkClusterLabels,
  checkCloudIdentity,
  checkCloudConsistency,
];

const checkEachCluster: Check = (spec) =>
  spec.clusters.flatMap((cluster, index) =>
    CLUSTER_CHECKS.flatMap((check) => check(cluster, `clusters[${index}]`, spec)),
  );

// ---------------------------------------------------------------------------------------------
// GitOps source
// ---------------------------------------------------------------------------------------------

/** Exact release tag (no pre-release) or a full commit SHA: both are immutable once pushed. */
const RELEASE_TAG = /^v\d+\.\d+\.\d+$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;
/** Git refuses these in branch names; whitespace would also break the Argo CD targetRevision. */
const BRANCH_NAME = /^[^\s~^:?*[\\]+$/;

const checkRepoUrl: Check = (spec) =>
  unless(
    isHttpsUrl(spec.gitops.repoUrl) && spec.gitops.repoUrl.endsWith('.git'),
    'gitops.repoUrl',
    spec.gitops.repoUrl,
    'must be an https:// clone URL ending in .git: Argo CD matches repository credentials on the exact URL',
    `use the clone URL, e.g. 'https://github.com/acme/platform-gitops.git'`,
  );

const checkRevision: Check = (spec) => {
  const revision = spec.gitops.revision;
  if (revision.kind === 'track') {
    return unless(
      matches(revision.branch, BRANCH_NAME),
      'gitops.revision.branch',
      revision.branch,
      'must be a non-empty branch name without spaces: Argo CD would track nothing',
      `set branch: 'main'`,
    );
  }
  return unless(
    matches(revision.ref, RELEASE_TAG) || matches(revision.ref, COMMIT_SHA),
    'gitops.revision.ref',
    revision.ref,
    'a pin must be an immutable ref: a release tag v<major>.<minor>.<patch> or a full 40-character commit SHA; a branch or short SHA can move under the environment',
    `pin a release tag such as 'v2026.11.2' or the full commit SHA`,
  );
};

// ---------------------------------------------------------------------------------------------
// Sync policy
// ---------------------------------------------------------------------------------------------

const MAX_RETRY_LIMIT = 10;
const MAX_BACKOFF_FACTOR = 10;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

const checkRetryLimit: Check = (spec) =>
  unless(
    Number.isInteger(spec.sync.retryLimit) && spec.sync.retryLimit >= 1 && spec.sync.retryLimit <= MAX_RETRY_LIMIT,
    'sync.retryLimit',
    spec.sync.retryLimit,
    `must be an integer from 1 to ${MAX_RETRY_LIMIT}: retries are bounded so a failing sync alerts instead of looping as a remediation loop`,
    'set sync.retryLimit: 10',
  );

/**
 * A fresh cluster installs its CRDs and namespaces while the Applications that need them fail and
 * retry (constructs/argocd/sync-wave.ts); kube-prometheus-stack or Kyverno on new nodes can take
 * several minutes each. After the last retry Argo CD never auto-syncs the same revision again, and
 * prod's revision is a pinned tag: the retries must outlast a slow first install.
 */
const FIRST_INSTALL_MINUTES = 30;

const checkRetryWindow: Check = (spec) => {
  const { retryLimit, retryBackoff } = spec.sync;
  const window = retryWindowSeconds(retryLimit, {
    initialSeconds: millis(retryBackoff.initial) / 1000,
    factor: retryBackoff.factor,
    maxSeconds: millis(retryBackoff.max) / 1000,
  });
  // Only meaningful once the limit and backoff themselves are valid; their own checks report them.
  if (checkRetryLimit(spec).length > 0 || checkRetryBackoff(spec).length > 0) return [];
  return unless(
    window >= FIRST_INSTALL_MINUTES * 60,
    'sync.retryLimit',
    retryLimit,
    `retries with this backoff stop after ${Math.round(window)}s; a fresh cluster needs ${FIRST_INSTALL_MINUTES} minutes to install the CRDs and namespaces ` +
      'other Applications use, and Argo CD never retries the same revision after the last attempt',
    'set sync.retryLimit: 10 (with backoff 10s x 2 up to 5m: 30 minutes)',
  );
};

/** Each rule is one bound of the backoff; together they keep retries spaced and finite. */
const BACKOFF_RULES: readonly Rule<SyncSpec['retryBackoff']>[] = [
  {
    field: 'sync.retryBackoff.factor',
    value: (b) => b.factor,
    ok: (b) => Number.isFinite(b.factor) && b.factor >= 1 && b.factor <= MAX_BACKOFF_FACTOR,
    problem: `must be from 1 to ${MAX_BACKOFF_FACTOR}: below 1 retries speed up, above ${MAX_BACKOFF_FACTOR} the second retry already waits for the maximum`,
    fix: 'set sync.retryBackoff.factor: 2',
  },
  {
    field: 'sync.retryBackoff.initial',
    value: (b) => showDuration(b.initial),
    ok: (b) => millis(b.initial) > 0,
    problem: 'must be greater than zero: retries without delay hammer the API server',
    fix: 'set sync.retryBackoff.initial: Duration.seconds(10)',
  },
  {
    field: 'sync.retryBackoff.initial',
    value: (b) => showDuration(b.initial),
    ok: (b) => millis(b.initial) <= millis(b.max),
    problem: 'must not exceed sync.retryBackoff.max: the first retry would already wait longer than the cap',
    fix: 'lower sync.retryBackoff.initial or raise sync.retryBackoff.max',
  },
  {
    field: 'sync.retryBackoff.max',
    value: (b) => showDuration(b.max),
    ok: (b) => millis(b.max) <= MAX_BACKOFF_MS,
    problem: 'must be at most 1 hour: a longer wait hides a failed sync for longer than anyone notices',
    fix: 'set sync.retryBackoff.max: Duration.minutes(5)',
  },
];

const checkRetryBackoff: Check = (spec) => applyRules(BACKOFF_RULES, spec.sync.retryBackoff);

// ---------------------------------------------------------------------------------------------
// Drift detection
// ---------------------------------------------------------------------------------------------

/** Seed WS3: drift is detected within 5 minutes; below 30s reconciliation overloads the repo server. */
const MIN_DRIFT_INTERVAL_MS = 30 * 1000;
const MAX_DRIFT_INTERVAL_MS = 5 * 60 * 1000;

const checkDriftInterval: Check = (spec) => {
  const interval = millis(spec.driftDetection.interval);
  return unless(
    interval >= MIN_DRIFT_INTERVAL_MS && interval <= MAX_DRIFT_INTERVAL_MS,
    'driftDetection.interval',
    showDuration(spec.driftDetection.interval),
    'must be between 30 seconds and 5 minutes: drift must be detected within 5 minutes (WS3), and faster reconciliation overloads the repo server',
    'set driftDetection.interval: Duration.minutes(2)',
  );
};

const DRIFT_SEVERITIES = ['critical', 'warning', 'info'] as const;

const checkDriftAlert: Check = (spec) =>
  DRIFT_SEVERITIES.flatMap((severity) => {
    const { alertAfter } = spec.driftDetection.remediation[severity];
    return unless(
      millis(alertAfter) >= millis(spec.driftDetection.interval),
      `driftDetection.remediation.${severity}.alertAfter`,
      showDuration(alertAfter),
      `must be at least driftDetection.interval (${showDuration(
        spec.driftDetection.interval,
      )}): an alert cannot fire before drift can be observed, so it would fire on every transient OutOfSync`,
      `set driftDetection.remediation.${severity}.alertAfter to at least the interval, e.g. Duration.minutes(5)`,
    );
  });

/** Drift of policies and RBAC in production is a security incident: it is reverted, not just reported. */
const checkProductionHealsCriticalDrift: Check = (spec) =>
  unless(
    spec.tier !== 'production' || spec.driftDetection.remediation.critical.strategy !== 'alert',
    'driftDetection.remediation.critical.strategy',
    spec.driftDetection.remediation.critical.strategy,
    'must remediate automatically in production: critical drift (policies, RBAC, namespaces) left in place for a human is an open security hole',
    "set driftDetection.remediation.critical.strategy: 'sync'",
  );

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

const SLACK_CHANNEL = /^[a-z0-9_-]+$/;

const checkSlackChannel: Check = (spec) => {
  const channel = spec.notifications.slackChannel;
  return unless(
    matches(channel, SLACK_CHANNEL),
    'notifications.slackChannel',
    channel,
    "must be a Slack channel name without the leading '#' (lowercase letters, digits, '-' and '_'): Argo CD notifications would go nowhere",
    `set it to ${JSON.stringify(
      isString(channel) && channel !== '' ? channel.replace(/^#/, '').toLowerCase() : 'platform-alerts',
    )}`,
  );
};

// ---------------------------------------------------------------------------------------------
// Access
// ---------------------------------------------------------------------------------------------

const ACCESS_FIELDS = ['readOnlyGroups', 'deployerGroups', 'emergencyGroups'] as const;
/** Groups are written into Argo CD's Casbin CSV policy: a comma splits the line, whitespace breaks matching. */
const GROUP_NAME = /^[^\s,]+$/;

const checkAccess: Check = (spec) =>
  ACCESS_FIELDS.flatMap((field) => {
    const groups = spec.access[field];
    if (groups.length === 0) {
      return [
        finding(
          `access.${field}`,
          groups,
          'must list at least one SSO group: an empty role leaves nobody able to act in the environment (and no break-glass for emergencies)',
          `add the SSO group, e.g. access.${field}: ['platform-oncall']`,
        ),
      ];
    }
    return groups.flatMap((group, index) =>
      unless(
        matches(group, GROUP_NAME),
        `access.${field}[${index}]`,
        group,
        'must be a non-empty group name without commas or whitespace: it is written into the Casbin CSV policy, where a comma splits the rule',
        'use the exact SSO group name, e.g. platform-engineers',
      ),
    );
  });

// ---------------------------------------------------------------------------------------------
// Sync windows
// ---------------------------------------------------------------------------------------------

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** Names Argo CD's cron parser accepts in place of numbers (JAN, MON). */
  readonly names?: readonly string[];
}

const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  // 0-6: Argo CD parses windows with robfig/cron, whose day-of-week range ends at 6 (Saturday).
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

/** A number, or a name mapped to its number (names start at the field's minimum). */
function cronValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index < 0 ? undefined : field.min + index;
}

/** One comma-separated item: `*`, `*\/step`, `n`, `a-b`, `a-b/step` or `n/step`. */
function cronItemProblem(item: string, field: CronField): string | undefined {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `bad step in '${item}'`;
  if (range === '*') return undefined;
  const [startText = '', endText, tooMany] = range.split('-');
  const start = cronValue(startText, field);
  const end = endText === undefined ? start : cronValue(endText, field);
  if (tooMany !== undefined || start === undefined || end === undefined)
    return `'${item}' is not a number, range or '*'`;
  if (start < field.min || end > field.max) return `'${item}' is outside ${field.min}-${field.max}`;
  return start > end ? `range '${item}' runs backwards` : undefined;
}

/** Why a cron expression is invalid, or undefined when it is a valid 5-field expression. */
function cronProblem(schedule: string): string | undefined {
  const parts = schedule.trim().split(/\s+/);
  if (parts.length !== CRON_FIELDS.length)
    return `has ${parts.length} fields, cron needs 5 (minute hour day month weekday)`;
  for (const [index, field] of CRON_FIELDS.entries()) {
    for (const item of (parts[index] ?? '').split(',')) {
      const problem = cronItemProblem(item, field);
      if (problem !== undefined) return `${field.name} field: ${problem}`;
    }
  }
  return undefined;
}

const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Intl lists canonical zones only; `UTC` and aliases (`US/Pacific`) are valid for Go's tz database too. */
const CANONICAL_TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

/** The canonical spelling Intl resolves a zone to, or undefined when Intl rejects it. */
function resolveTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Intl is case-insensitive but Argo CD (Go time.LoadLocation) is not, so `europe/berlin` is refused. */
function timeZoneProblem(timeZone: unknown): { problem: string; fix: string } | undefined {
  if (!isString(timeZone) || timeZone === '')
    return { problem: 'not an IANA time zone', fix: `use a zone such as 'Europe/Berlin' or 'UTC'` };
  if (CANONICAL_TIME_ZONES.has(timeZone) || timeZone === 'UTC') return undefined;
  const resolved = resolveTimeZone(timeZone);
  if (resolved === undefined)
    return { problem: 'not an IANA time zone', fix: `use a zone such as 'Europe/Berlin' or 'UTC'` };
  if (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase()) {
    return {
      problem: 'an IANA time zone in the wrong case; Argo CD reads zone names case-sensitively',
      fix: `spell it '${resolved}'`,
    };
  }
  return undefined;
}

type WindowCheck = (window: SyncWindowSpec, at: string) => readonly Finding[];

const checkWindowSchedule: WindowCheck = (window, at) => {
  const problem = isString(window.schedule) ? cronProblem(window.schedule) : 'is not a string';
  return unless(
    problem === undefined,
    `${at}.schedule`,
    window.schedule,
    `not a valid 5-field cron expression (${
      problem ?? ''
    }): Argo CD would refuse the AppProject and no window would open`,
    `write minute hour day month weekday, e.g. '0 8 * * 1-4'`,
  );
};

const checkWindowDuration: WindowCheck = (window, at) => {
  const duration = millis(window.duration);
  return unless(
    duration > 0 && duration <= MAX_WINDOW_MS,
    `${at}.duration`,
    showDuration(window.duration),
    'must be greater than zero and at most 24 hours: an empty window never opens, and a longer one overlaps the next day and silently allows syncs at any time',
    'set a duration such as Duration.hours(8)',
  );
};

const checkWindowTimeZone: WindowCheck = (window, at) => {
  const problem = timeZoneProblem(window.timeZone);
  return problem === undefined
    ? []
    : [
        finding(
          `${at}.timeZone`,
          window.timeZone,
          `${problem.problem}: the window would open at the wrong time or not at all`,
          problem.fix,
        ),
      ];
};

const WINDOW_CHECKS: readonly WindowCheck[] = [checkWindowSchedule, checkWindowDuration, checkWindowTimeZone];

const checkSyncWindows: Check = (spec) =>
  spec.syncWindows.flatMap((window, index) => WINDOW_CHECKS.flatMap((check) => check(window, `syncWindows[${index}]`)));

// ---------------------------------------------------------------------------------------------
// Charts
// ---------------------------------------------------------------------------------------------

/** Exact `MAJOR.MINOR.PATCH`: a pinned version is the contract of promotion, a range is not. */
const EXACT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

const checkCharts: Check = (spec) =>
  (Object.keys(spec.charts) as (keyof ChartVersions)[]).flatMap((chart) =>
    unless(
      matches(spec.charts[chart], EXACT_SEMVER),
      `charts.${chart}`,
      spec.charts[chart],
      "must be an exact chart version MAJOR.MINOR.PATCH (no range, '*', 'latest', 'HEAD' or leading 'v'): promotion copies pinned versions, and a floating one changes without a commit",
      'pin the exact version from the chart repository, e.g. 3.3.4',
    ),
  );

const PINS_HINT = PINS_FILE;

/**
 * The kyverno chart must be a release the estate knows (its Kyverno version decides how policies
 * behave, and the engine checks build exactly that version), supporting every cluster's Kubernetes.
 */
const checkKyvernoRelease: Check = (spec) => {
  const pinned = spec.charts.kyverno;
  // An inexact pin is checkCharts' finding; a malformed version the infrastructure checks'.
  if (!matches(pinned, EXACT_SEMVER)) return [];
  const release = kyvernoReleaseOfChart(pinned);
  const known = KYVERNO_RELEASES.map((r) => `${r.chart} (Kyverno ${r.kyverno})`).join(', ');
  if (release === undefined) {
    return [
      finding(
        'charts.kyverno',
      pinned,
      'is not a Kyverno release the estate supports (constructs/kyverno/kyverno-release.ts): policies are written for, and checked by, the Kyverno versions listed there',
        `pin one of ${known} in ${PINS_HINT}, or add the release to KYVERNO_RELEASES and a module engines/kyverno-<version>`,
      ),
    ];
  }
  return spec.clusters.flatMap((cluster, i) =>
    unless(
      !matches(cluster.kubernetesVersion, /^\d+\.\d+$/) || supportsKubernetes(release, cluster.kubernetesVersion),
      `clusters[${i}].kubernetesVersion`,
      cluster.kubernetesVersion,
      `Kyverno ${release.kyverno} (chart ${release.chart}) supports Kubernetes ${release.kubernetes.min} to ${release.kubernetes.max} only`,
      `set kubernetesVersion between ${release.kubernetes.min} and ${release.kubernetes.max}, or pin a Kyverno release that supports it`,
    ),
  );
};

/** Severities whose policies are security controls: production never lets them fail open. */
const SECURITY_SEVERITIES: ReadonlySet<Severity> = new Set(['high', 'critical']);

/** The catalog release pins and the fail-open list name things that must exist. */
const checkKyverno: Check = (spec) => {
  const { catalog, canaryPassed, mode } = spec.kyverno;
  const releases = CATALOG_RELEASES.join(', ');
  const known = (release: string | undefined): boolean => release !== undefined && CATALOG_RELEASES.includes(release);
  const findings: Finding[] = [
    ...unless(
      known(catalog),
      'kyverno.catalog',
      catalog,
      'is not a release of the policy catalog (policies/catalog.ts): the environment would run an unknown set of policies',
      `pin one of ${releases} as policyCatalog in ${PINS_HINT}, or promote one with npm run promote`,
    ),
  ];
  if (canaryPassed !== undefined) {
    findings.push(
      ...unless(
        mode === 'canary',
        'kyverno.canaryPassed',
        canaryPassed,
        `only canary environments track which releases passed their canary; mode is ${mode}`,
        `remove policyCanaryPassed from ${PINS_HINT}`,
      ),
      ...unless(
        known(canaryPassed) && (!known(catalog) || compareReleases(canaryPassed, catalog) <= 0),
        'kyverno.canaryPassed',
        canaryPassed,
        `must be a catalog release not newer than the pinned catalog ${catalog}: a release cannot pass its canary before it runs`,
        `set policyCanaryPassed in ${PINS_HINT} to one of ${releases}, at most ${catalog}`,
      ),
    );
  }
  const policies = known(catalog) ? policiesAt(catalog) : [];
  (spec.kyverno.failOpen ?? []).forEach((entry, i) => {
    const policy = policies.find((p) => p.name === entry.policy);
    findings.push(
      ...unless(
        !known(catalog) || policy !== undefined,
        `kyverno.failOpen[${i}].policy`,
        entry.policy,
        `catalog release ${catalog} has no such policy`,
        `use one of ${policies.map((p) => p.name).join(', ')}`,
      ),
      ...unless(
        entry.reason.trim().length >= MIN_REASON_LENGTH,
        `kyverno.failOpen[${i}].reason`,
        entry.reason,
        'failing open admits unchecked objects while Kyverno is down; the reason is recorded on the policy and must say why that is acceptable',
        `write at least ${MIN_REASON_LENGTH} characters: what breaks if this policy fails closed, and what compensates`,
      ),
      ...unless(
        spec.tier !== 'production' || policy === undefined || !SECURITY_SEVERITIES.has(policy.severity),
        `kyverno.failOpen[${i}].policy`,
        entry.policy,
        `is a ${policy?.severity} severity security policy: production fails closed for it, or an outage of Kyverno would admit what it forbids`,
        'remove the entry; if Kyverno availability is the concern, raise admissionController replicas instead',
      ),
    );
  });
  return findings;
};

// ---------------------------------------------------------------------------------------------
// Production guardrails (keyed off tier, never off the name, so prod-eu gets them too)
// ---------------------------------------------------------------------------------------------

const PRODUCTION_RULES: readonly Rule<EnvironmentSpec>[] = [
  {
    field: 'gitops.revision.kind',
    value: (spec) => spec.gitops.revision.kind,
    ok: (spec) => spec.gitops.revision.kind === 'pin',
    problem:
      'production must pin an immutable revision: tracking a branch deploys every merge to production unreviewed',
    fix: `pin a release tag: revision: { kind: 'pin', ref: 'v<major>.<minor>.<patch>' }; promotion moves it`,
  },
  {
    field: 'sync.prune',
    value: (spec) => spec.sync.prune,
    ok: (spec) => spec.sync.prune === false,
    problem: 'prod forbids auto-prune: a resource removed from Git by mistake would be deleted from production',
    fix: 'set sync.prune: false',
  },
  {
    field: 'notifications.pagerDutyService',
    value: (spec) => spec.notifications.pagerDutyService,
    ok: (spec) => isString(spec.notifications.pagerDutyService) && spec.notifications.pagerDutyService.trim() !== '',
    problem: 'production must page on failed syncs and degraded applications: Slack alone is not watched at night',
    fix: `set notifications.pagerDutyService to the key in argocd-notifications-secret, e.g. 'platform-prod'`,
  },
  {
    field: 'syncWindows',
    value: (spec) => spec.syncWindows,
    ok: (spec) => spec.syncWindows.length > 0,
    problem: 'production needs at least one sync window: automated syncs must happen only inside change windows',
    fix: `add a window, e.g. { schedule: '0 8 * * 1-4', duration: Duration.hours(8), timeZone: 'Europe/Berlin' }`,
  },
  {
    field: 'kyverno.mode',
    value: (spec) => spec.kyverno.mode,
    ok: (spec) => spec.kyverno.mode === 'enforce',
    problem: 'production must enforce Kyverno policies: audit or canary mode lets non-compliant workloads run',
    fix: `set kyverno.mode: 'enforce' (after the policies passed on canary namespaces in staging)`,
  },
];

const checkProductionRules: Check = (spec) => (spec.tier === 'production' ? applyRules(PRODUCTION_RULES, spec) : []);

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/** Every check of one spec, grouped by section in the order of `EnvironmentSpec`. */
const CHECKS: readonly Check[] = [
  checkName,
  checkOwnership,
  checkClusterCount,
  checkManagementCluster,
  checkClusterNamesUnique,
  checkEachCluster,
  checkRepoUrl,
  checkRevision,
  checkRetryLimit,
  checkRetryBackoff,
  checkRetryWindow,
  checkDriftInterval,
  checkDriftAlert,
  checkProductionHealsCriticalDrift,
  checkSlackChannel,
  checkAccess,
  ...SSO_CHECKS,
  checkSyncWindows,
  checkCharts,
  checkKyvernoRelease,
  checkKyverno,
  ...INFRASTRUCTURE_CHECKS,
  checkProductionRules,
];

const ENVIRONMENTS_PATH = 'environments/index.ts';

/** Spec fields whose values come from environments/pins.json (pins.ts), not from the spec file. */
const PINNED_FIELDS: readonly RegExp[] = [/^charts(\.|$)/, /^kyverno\.(catalog|canaryPassed)$/];

/**
 * The file a finding's value lives in: pins.json for pinned versions, else the environment's own
 * file, or, for a spec not written in `environments/<name>.ts`, the list that names it. A message
 * never names a file that does not exist.
 */
export function fileOfField(environment: string, field: string): string {
  if (PINNED_FIELDS.some((pattern) => pattern.test(field))) return PINS_FILE;
  const own = `environments/${environment}.ts`;
  return existsSync(own) ? own : ENVIRONMENTS_PATH;
}

function specPath(name: string): string {
  return fileOfField(name, '');
}

function place(environment: string, path: string, found: Finding): Violation {
  return {
    environment,
    path,
    field: found.field,
    value: showValue(found.value),
    problem: found.problem,
    fix: found.fix,
  };
}

/** A spec's name for messages, even when the name itself is malformed. */
function nameOf(spec: EnvironmentSpec): string {
  return typeof spec.name === 'string' && spec.name !== '' ? spec.name : showValue(spec.name);
}

/**
 * Shape problems of one spec (spec-schema.ts): a field of the wrong type, a value outside its union,
 * a missing or unknown field. The value checks below assume the shape, so they run only without these.
 */
export function shapeViolations(spec: EnvironmentSpec): Violation[] {
  const name = nameOf(spec);
  return ENVIRONMENT_SPEC_SCHEMA.check(spec, '').map((found) => place(name, fileOfField(name, found.field), found));
}

/** Validates one spec and returns every problem found (empty when the spec is valid). */
export function validateEnvironment(spec: EnvironmentSpec): Violation[] {
  const shape = shapeViolations(spec);
  if (shape.length > 0) return shape;
  return CHECKS.flatMap((check) => check(spec)).map((found) => place(spec.name, fileOfField(spec.name, found.field), found));
}

function checkFleetNotEmpty(specs: readonly EnvironmentSpec[]): Violation[] {
  if (specs.length > 0) return [];
  return [
    place(
      'all',
      ENVIRONMENTS_PATH,
      finding(
        'ENVIRONMENTS',
        [],
        'no environment is listed: synth would build nothing and report success',
        'add the environments to ENVIRONMENTS',
      ),
    ),
  ];
}

/** Names become dist/k8s/<name>/: two environments with one name overwrite each other's manifests. */
function checkEnvironmentNamesUnique(specs: readonly EnvironmentSpec[]): Violation[] {
  return specs.flatMap((spec, index) =>
    specs.findIndex((other) => other.name === spec.name) === index
      ? []
      : [
          place(
            spec.name,
            ENVIRONMENTS_PATH,
            finding(
              `ENVIRONMENTS[${index}].name`,
              spec.name,
              'environment names must be unique: both would render to the same dist/k8s/<name>/ directory',
              'rename one of the environments',
            ),
          ),
        ],
  );
}

/** A cluster belongs to one environment: two Argo CD instances managing it would fight over objects. */
function checkClusterOwnership(specs: readonly EnvironmentSpec[]): Violation[] {
  const owner = new Map<string, string>();
  return specs.flatMap((spec) =>
    spec.clusters.flatMap((cluster, index) => {
      const first = owner.get(cluster.name);
      if (first === undefined) owner.set(cluster.name, spec.name);
      return first === undefined || first === spec.name
        ? []
        : [
            place(
              spec.name,
              specPath(spec.name),
              finding(
                `clusters[${index}].name`,
                cluster.name,
                `already a cluster of environment ${JSON.stringify(
                  first,
                )}: a cluster belongs to exactly one environment, or two Argo CD instances fight over it`,
                `remove the cluster from one environment or rename it (e.g. prefix it with '${spec.name}-')`,
              ),
            ),
          ];
    }),
  );
}

/** Validates every spec, then the fleet as a whole: one list of all problems, in spec order. */
const TIER_RANK: Readonly<Record<EnvironmentSpec['tier'], number>> = { development: 0, staging: 1, production: 2 };

/**
 * Promotion copies pins from `promotesFrom`: the source must exist and be a stage no stricter than
 * the target, so pins flow dev -> staging -> prod and never back.
 */
function checkPromotionChain(specs: readonly EnvironmentSpec[]): Violation[] {
  return specs.flatMap((spec) => {
    if (spec.promotesFrom === undefined) return [];
    const source = specs.find((s) => s.name === spec.promotesFrom);
    const candidates = specs.filter((s) => s.name !== spec.name && TIER_RANK[s.tier] <= TIER_RANK[spec.tier]).map((s) => s.name);
    const fix =
      candidates.length > 0
        ? `set promotesFrom to the previous stage, one of ${candidates.join(', ')}`
        : 'remove promotesFrom if this is the first stage, or add the previous stage to ENVIRONMENTS';
    if (source === undefined || source.name === spec.name) {
      return [place(spec.name, specPath(spec.name), finding('promotesFrom', spec.promotesFrom, 'names no other environment of the fleet', fix))];
    }
    if (TIER_RANK[source.tier] > TIER_RANK[spec.tier]) {
      return [
        place(
          spec.name,
          specPath(spec.name),
          finding('promotesFrom', spec.promotesFrom, `promotes from a stricter tier (${source.tier} -> ${spec.tier}): pins must flow towards production`, fix),
        ),
      ];
    }
    return [];
  });
}

export function validateEnvironments(specs: readonly EnvironmentSpec[]): Violation[] {
  // The fleet checks read names, clusters and tiers: only of specs of the right shape.
  const wellFormed = specs.filter((spec) => shapeViolations(spec).length === 0);
  return [
    ...checkFleetNotEmpty(specs),
    ...specs.flatMap((spec) => validateEnvironment(spec)),
    ...checkEnvironmentNamesUnique(wellFormed),
    ...checkClusterOwnership(wellFormed),
    ...checkPromotionChain(wellFormed),
    ...checkSsoUrlsUnique(wellFormed).map(({ environment, found }) => place(environment, specPath(environment), found)),
  ];
}
