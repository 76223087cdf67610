import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { DeliveredWorkloadSpec, HttpProbeSpec, ImageSpec } from './delivery-spec';

/** The label every object of a workload carries and every selector of it matches. */
export const WORKLOAD_NAME_LABEL = 'app.kubernetes.io/name';

export function workloadSelector(workload: Pick<DeliveredWorkloadSpec, 'name'>): Record<string, string> {
  return { [WORKLOAD_NAME_LABEL]: workload.name };
}

/** `repository@sha256:...` when pinned by digest (the tag is then only a comment for people), else `repository:tag`. */
export function imageReference(image: ImageSpec): string {
  if (image.digest !== undefined) return `${image.repository}@${image.digest}`;
  return `${image.repository}:${image.tag ?? ''}`;
}

/** The user of a workload without `user`: the conventional `nonroot` uid and gid of distroless images. */
export const DEFAULT_WORKLOAD_USER = { uid: 65532, gid: 65532 } as const;

export interface WorkloadPodTemplateProps {
  readonly workload: DeliveredWorkloadSpec;
  /** Labels every pod carries besides the selector, e.g. the `owner` and `cost-centre` the estate's require-labels policy wants. */
  readonly labels: Readonly<Record<string, string>>;
}

function httpProbe(probe: HttpProbeSpec): IProbe {
  return {
    httpGet: { path: probe.path, port: probe.port },
    ...(probe.initialDelay !== undefined ? { initialDelaySeconds: probe.initialDelay.toSeconds() } : {}),
    ...(probe.period !== undefined ? { periodSeconds: probe.period.toSeconds() } : {}),
  };
}

/** Writable scratch space under a read-only root filesystem: /tmp for every process. */
const SCRATCH_VOLUME = 'tmp';

/**
 * The pod template of a delivered workload, holding what the estate's Kyverno policies require of
 * every tenant pod (policies/: pod-security-restricted, require-run-as-non-root,
 * require-requests-limits, require-probes, require-labels, disallow-latest-tag): non-root with a
 * numeric user, no privilege escalation, every capability dropped, RuntimeDefault seccomp, a
 * read-only root filesystem, requests and a memory limit, both probes, the ownership labels.
 * Kyverno autogen does not know the Rollout kind (kyverno v1.19.1 pkg/autogen/v1/autogen.go
 * PodControllers), so these are only judged when the controller creates the pods: the construct
 * holds them here, where a refusal is visible before the Rollout stalls.
 */
export function workloadPodTemplate(props: WorkloadPodTemplateProps): IPodTemplateSpec {
  const { workload } = props;
  const user = workload.user ?? DEFAULT_WORKLOAD_USER;
  const container: IContainer = {
    name: workload.name,
    image: imageReference(workload.image),
    ...(workload.args !== undefined ? { args: [...workload.args] } : {}),
    ports: workload.ports.map((port) => ({ name: port.name, containerPort: port.containerPort, protocol: 'TCP' })),
    readinessProbe: httpProbe(workload.readiness),
    livenessProbe: httpProbe(workload.liveness),
    resources: {
      requests: { cpu: workload.resources.requests.cpu, memory: workload.resources.requests.memory },
      limits: { memory: workload.resources.limits.memory, ...(workload.resources.limits.cpu !== undefined ? { cpu: workload.resources.limits.cpu } : {}) },
    },
    securityContext: {
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [{ name: SCRATCH_VOLUME, mountPath: '/tmp' }, ...(workload.writablePaths ?? []).map((path, i) => ({ name: `data-${i}`, mountPath: path }))],
  };
  return {
    metadata: { labels: { ...props.labels, ...workloadSelector(workload) } },
    spec: {
      serviceAccountName: workload.name,
      // The workload does not call the Kubernetes API.
      automountServiceAccountToken: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: user.uid,
        runAsGroup: user.gid,
        fsGroup: user.gid,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [container],
      volumes: [{ name: SCRATCH_VOLUME, emptyDir: {} }, ...(workload.writablePaths ?? []).map((_, i) => ({ name: `data-${i}`, emptyDir: {} }))],
    },
  };
}
