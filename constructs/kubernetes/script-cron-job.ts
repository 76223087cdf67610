import type { ApiObject, Duration } from 'cdk8s';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';

/**
 * The CronJobs that run our own shell and Python scripts (the Terraform drift checks, the
 * compliance reports), hardened alike: the scripts come from a ConfigMap mounted read-only, every
 * container runs as one non-root user on a read-only root filesystem with no capabilities and the
 * RuntimeDefault seccomp profile (the restricted Pod Security Standard and the policy catalog's
 * non-root, pinned-image and requests-and-limits rules), and writes only to size-limited emptyDirs.
 *
 * Why not cdk8s-plus-28's CronJob (2.5.6, read in node_modules/cdk8s-plus-28/lib): it cannot
 * produce this pod, and patching its output back (`ApiObject.of(job).addJsonPatch`) would be more
 * code than this file. What it forces, renames or omits:
 * - omits: `PodSecurityContext` has no `seccompProfile` (pod.js `PodSecurityContext._toKube`), so
 *   the pod-level RuntimeDefault profile is lost; `CronJob._toKube` writes `jobTemplate` without
 *   `metadata`, so the Jobs lose their `app.kubernetes.io/*` and ownership labels.
 * - forces: every pod gets `dnsPolicy: ClusterFirst`, `setHostnameAsFqdn: false`,
 *   `hostNetwork: false`, `terminationGracePeriodSeconds: 30` (`AbstractPod._toPodSpec`) and
 *   `securityContext.fsGroupChangePolicy: Always`; every container `privileged: false`
 *   (`ContainerSecurityContext._toKube`); every CronJob `suspend: false`; a container without
 *   resources silently gets 100m/1500m CPU and 512Mi/2048Mi memory (here `resources` is required).
 * - renames: memory and emptyDir `sizeLimit` are `Size` values written as mebibytes (`1Gi` becomes
 *   `1024Mi`), `imagePullPolicy` defaults to `Always`, and it is a construct in a scope where callers
 *   here compose a plain `ICronJob` value (kubernetes-models).
 * Each forced field changes every CronJob in dist/; the omissions weaken the hardening above.
 */

/** One non-root user for every container; the emptyDirs are group-owned by it (fsGroup). */
const NON_ROOT_UID = 65532;

/** Every container's: the restricted Pod Security Standard, plus a read-only root filesystem. */
const RESTRICTED_CONTAINER_SECURITY_CONTEXT: ISecurityContext = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

const POD_SECURITY_CONTEXT: IPodSecurityContext = {
  runAsNonRoot: true,
  runAsUser: NON_ROOT_UID,
  runAsGroup: NON_ROOT_UID,
  fsGroup: NON_ROOT_UID,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** Where the scripts ConfigMap is mounted, read-only, in every container. */
const SCRIPTS_PATH = '/scripts';
const SCRIPTS_VOLUME = 'scripts';

/** An emptyDir, mounted at `path` in the containers that write there. */
export interface ScratchVolume {
  readonly path: string;
  /** The node evicts the pod beyond it, so a runaway step cannot fill the node's disk. */
  readonly sizeLimit: string;
}

/** Environment variables in the order given. */
export function envVars(values: Readonly<Record<string, string>>): IEnvVar[] {
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

/** A container that runs one script of the job's scripts ConfigMap. */
export interface ScriptContainer<Scratch extends string> {
  readonly name: string;
  /** Pinned to an exact tag (the disallow-latest-tag policy). */
  readonly image: string;
  /** Key of the script in the scripts ConfigMap. */
  readonly script: string;
  /** The interpreter the script is run with. @default ['/bin/sh'] */
  readonly interpreter?: readonly string[];
  readonly env: readonly IEnvVar[];
  /** Requests and limits of CPU and memory (require-requests-limits). */
  readonly resources: IResourceRequirements;
  /** The scratch volumes the container writes to, mounted in this order. */
  readonly scratch: readonly Scratch[];
  /** Mounts after the scratch volumes and the scripts. @default - none */
  readonly volumeMounts?: readonly IVolumeMount[];
}

export interface ScriptCronJobOptions<Scratch extends string> {
  /** The CronJob's name: at most 52 characters (Kubernetes appends 11 to its Jobs). */
  readonly name: string;
  readonly namespace: string;
  /** `app.kubernetes.io/name` of the CronJob, its Jobs and pods. */
  readonly app: string;
  /** `app.kubernetes.io/instance`: what this CronJob is about (a stack, a cluster). */
  readonly instance: string;
  /** More pod labels: ownership (require-labels), the cloud identity webhook's. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Cron expression, evaluated in UTC. */
  readonly schedule: string;
  /** A run that cannot start within it is skipped (`startingDeadlineSeconds`). */
  readonly startingDeadline: Duration;
  /** A run still going after it is killed (`activeDeadlineSeconds`). */
  readonly jobDeadline: Duration;
  readonly backoffLimit: number;
  /** `OnFailure` restarts a failed container in place, keeping the emptyDirs; `Never` starts a new pod. */
  readonly restartPolicy: 'Never' | 'OnFailure';
  readonly serviceAccountName: string;
  /** The ConfigMap holding the scripts the containers run. */
  readonly scripts: ApiObject;
  readonly scratch: Readonly<Record<Scratch, ScratchVolume>>;
  readonly initContainers: readonly ScriptContainer<Scratch>[];
  readonly containers: readonly ScriptContainer<Scratch>[];
  /** Volumes after the scratch volumes and the scripts. @default - none */
  readonly volumes?: readonly IVolume[];
}

function scriptContainer<Scratch extends string>(spec: ScriptContainer<Scratch>, scratch: Readonly<Record<Scratch, ScratchVolume>>): IContainer {
  return {
    name: spec.name,
    image: spec.image,
    imagePullPolicy: 'IfNotPresent',
    command: [...(spec.interpreter ?? ['/bin/sh']), `${SCRIPTS_PATH}/${spec.script}`],
    env: [...spec.env],
    resources: spec.resources,
    securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
    volumeMounts: [
      ...spec.scratch.map((volume) => ({ name: volume, mountPath: scratch[volume].path })),
      { name: SCRIPTS_VOLUME, mountPath: SCRIPTS_PATH, readOnly: true },
      ...(spec.volumeMounts ?? []),
    ],
  };
}

/**
 * The CronJob of a hardened script job. Runs never overlap (`Forbid`), are scheduled in UTC, and
 * no ServiceAccount token is mounted unless a container mounts one itself. What a run produces
 * lives elsewhere (a store, Prometheus): only the last successful Job is kept, and the last three
 * failed ones for their logs.
 */
export function scriptCronJob<Scratch extends string>(options: ScriptCronJobOptions<Scratch>): ICronJob {
  const { scratch } = options;
  const labels = { 'app.kubernetes.io/name': options.app, 'app.kubernetes.io/instance': options.instance, ...options.podLabels };
  const pod: IPodSpec = {
    serviceAccountName: options.serviceAccountName,
    automountServiceAccountToken: false,
    restartPolicy: options.restartPolicy,
    securityContext: POD_SECURITY_CONTEXT,
    initContainers: options.initContainers.map((c) => scriptContainer(c, scratch)),
    containers: options.containers.map((c) => scriptContainer(c, scratch)),
    volumes: [
      ...(Object.entries(scratch) as [Scratch, ScratchVolume][]).map(([volume, { sizeLimit }]) => ({ name: volume, emptyDir: { sizeLimit } })),
      { name: SCRIPTS_VOLUME, configMap: { name: options.scripts.name } },
      ...(options.volumes ?? []),
    ],
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      labels: { 'app.kubernetes.io/name': options.app, 'app.kubernetes.io/instance': options.instance },
    },
    spec: {
      schedule: options.schedule,
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: options.startingDeadline.toSeconds(),
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: options.backoffLimit,
          activeDeadlineSeconds: options.jobDeadline.toSeconds(),
          template: { metadata: { labels }, spec: pod },
        },
      },
    },
  };
}
