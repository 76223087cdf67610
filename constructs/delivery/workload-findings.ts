import { type Finding, unless } from '../core/finding';
import { durationMillis, showDuration } from '../core/go-duration';
import type { Tier } from '../core/tier';
import type { CanaryStepSpec, DeliveredWorkloadSpec, HttpProbeSpec } from './delivery-spec';
import { canaryStepsOf, tierStrategy } from './delivery-tiers';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Room for the longest derived name, `<name>-preview` (8 characters), within a 63-character DNS label. */
const MAX_NAME_LENGTH = 55;
/** IANA service names, as Kubernetes checks container port names (IsValidPortName). */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*[a-z0-9]$|^[a-z]$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** How far a step's weight may be from the share of pods it really gets (no traffic router: weight = pods). */
const WEIGHT_TOLERANCE = 1;

function nameFindings(workload: DeliveredWorkloadSpec, at: string): Finding[] {
  return [
    ...unless(
      DNS_LABEL.test(workload.name) && workload.name.length <= MAX_NAME_LENGTH,
      `${at}.name`,
      workload.name,
      `must be a DNS label of at most ${MAX_NAME_LENGTH} characters: the Rollout, its Services (<name>-preview) and its analysis are named after it`,
      'use lower-case letters, digits and dashes, e.g. podinfo',
    ),
    ...unless(
      DNS_LABEL.test(workload.namespace) && workload.namespace.length <= 63,
      `${at}.namespace`,
      workload.namespace,
      'must be a DNS label',
      'use lower-case letters, digits and dashes',
    ),
  ];
}

function imageFindings(tier: Tier, workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const { tag, digest } = workload.image;
  return [
    ...unless(
      digest === undefined || DIGEST.test(digest),
      `${at}.image.digest`,
      digest,
      'is not a sha256 digest',
      'write sha256: and the 64 lower-case hex digits of the image manifest',
    ),
    ...unless(
      digest !== undefined || (tag !== undefined && tag !== '' && tag !== 'latest'),
      `${at}.image.tag`,
      tag,
      'an image needs a digest or a tag other than latest (the disallow-latest-tag policy refuses it)',
      'pin a release tag or a digest',
    ),
    ...unless(
      tier !== 'production' || digest !== undefined,
      `${at}.image.digest`,
      digest,
      'production runs images by digest only: a tag can be moved to other content after review',
      `add the digest of ${workload.image.repository}:${tag ?? '<tag>'} (crane digest or docker buildx imagetools inspect)`,
    ),
  ];
}

function probeFindings(probe: HttpProbeSpec, ports: ReadonlySet<string>, field: string): Finding[] {
  return [
    ...unless(ports.has(probe.port), `${field}.port`, probe.port, 'names no port of the workload', `use one of ${[...ports].join(', ')}`),
    ...unless(probe.path.startsWith('/'), `${field}.path`, probe.path, 'is not an absolute HTTP path', 'start the path with /'),
  ];
}

function portFindings(workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const names = workload.ports.map((p) => p.name);
  const portNames = new Set(names);
  return [
    ...unless(
      workload.ports.length > 0,
      `${at}.ports`,
      workload.ports,
      'a delivered workload serves at least one port',
      'list the ports, e.g. { name: http, containerPort: 8080 }',
    ),
    ...unless(portNames.size === names.length, `${at}.ports`, names, 'port names repeat', 'give each port its own name'),
    ...workload.ports.flatMap((port, i) => [
      ...unless(
        PORT_NAME.test(port.name) && port.name.length <= 15,
        `${at}.ports[${i}].name`,
        port.name,
        'is not an IANA service name (at most 15 lower-case letters, digits, dashes)',
        'e.g. http, metrics',
      ),
      ...unless(
        Number.isInteger(port.containerPort) && port.containerPort >= 1 && port.containerPort <= 65535,
        `${at}.ports[${i}].containerPort`,
        port.containerPort,
        'is not a TCP port',
        'use 1-65535',
      ),
    ]),
    ...probeFindings(workload.readiness, portNames, `${at}.readiness`),
    ...probeFindings(workload.liveness, portNames, `${at}.liveness`),
    ...unless(
      portNames.has(workload.metrics.port),
      `${at}.metrics.port`,
      workload.metrics.port,
      'names no port of the workload: Prometheus would scrape nothing and every analysis would fail',
      `use one of ${names.join(', ')}`,
    ),
    ...unless(
      workload.ports.some((p) => p.name !== workload.metrics.port),
      `${at}.ports`,
      names,
      'every port is the metrics port: the workload serves nothing for its Services',
      'add the port the workload serves',
    ),
  ];
}

/** The pods a step really moves: the controller picks the whole count closest to the weight (utils/replicaset/canary.go). */
export function canaryPods(replicas: number, weight: number): number {
  return Math.round((replicas * weight) / 100);
}

function stepFindings(workload: DeliveredWorkloadSpec, steps: readonly CanaryStepSpec[], field: string): Finding[] {
  const r = workload.replicas;
  return steps.flatMap((step, i) => {
    const pods = canaryPods(r, step.weight);
    const realised = (pods * 100) / r;
    const previous = i === 0 ? 0 : (steps[i - 1]?.weight ?? 0);
    return [
      ...unless(
        Number.isInteger(step.weight) && step.weight >= 1 && step.weight <= 100,
        `${field}[${i}].weight`,
        step.weight,
        'must be a whole percentage from 1 to 100',
        'e.g. 25',
      ),
      ...unless(step.weight > previous, `${field}[${i}].weight`, step.weight, 'weights must grow from step to step', 'order the steps by weight'),
      ...unless(
        pods >= 1 && Math.abs(realised - step.weight) <= WEIGHT_TOLERANCE,
        `${field}[${i}].weight`,
        step.weight,
        `no traffic router: a weight is a share of the ${r} replicas, and ${step.weight}% of ${r} pods is ${((r * step.weight) / 100).toFixed(2)} pods ` +
          `(the controller would run ${Math.max(pods, 1)}, ${Math.round((Math.max(pods, 1) * 100) / r)}%)`,
        `use multiples of ${(100 / r).toFixed(2).replace(/\.00$/, '')}% or change replicas`,
      ),
      ...(step.pause === undefined
        ? []
        : unless(
            durationMillis(step.pause) >= 1000 && durationMillis(step.pause) % 1000 === 0,
            `${field}[${i}].pause`,
            showDuration(step.pause),
            'Duration needs to be greater than 0 (whole seconds)',
            'e.g. Duration.minutes(5)',
          )),
    ];
  });
}

function strategyFindings(tier: Tier, workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const strategy = tierStrategy(tier, workload);
  if (strategy !== 'canary') return [];
  const steps = canaryStepsOf(tier, workload);
  const field = workload.canarySteps === undefined ? `${at}.canarySteps (the ${tier} default)` : `${at}.canarySteps`;
  return [
    ...unless(
      workload.replicas >= 2,
      `${at}.replicas`,
      workload.replicas,
      'a canary needs at least 2 replicas: with 1, any weight moves every pod at once',
      'run 4 replicas (the default steps are quarters)',
    ),
    ...unless(
      steps.length > 0,
      field,
      steps,
      `a ${tier} canary needs steps: without them it rolls over at once, with no analysis`,
      'leave canarySteps out for the tier default, or list steps',
    ),
    ...unless(
      steps.length === 0 || steps.some((s) => s.pause === undefined),
      field,
      steps.map((s) => s.weight),
      `a ${tier} canary waits for a person before full promotion: no step is left without a pause`,
      'leave the pause out of one step (usually the last)',
    ),
    ...(workload.replicas >= 2 ? stepFindings(workload, steps, field) : []),
  ];
}

function analysisFindings(workload: DeliveredWorkloadSpec, at: string): Finding[] {
  const a = workload.analysis;
  const interval = durationMillis(a.interval);
  return [
    ...unless(a.minSuccessRatio > 0 && a.minSuccessRatio <= 1, `${at}.analysis.minSuccessRatio`, a.minSuccessRatio, 'must be a share above 0 and at most 1', 'e.g. 0.99'),
    ...unless(a.maxCpuSaturation > 0 && a.maxCpuSaturation <= 1, `${at}.analysis.maxCpuSaturation`, a.maxCpuSaturation, 'must be a share above 0 and at most 1', 'e.g. 0.9'),
    ...unless(durationMillis(a.maxLatencyP99) > 0, `${at}.analysis.maxLatencyP99`, showDuration(a.maxLatencyP99), 'must be longer than 0', 'e.g. Duration.millis(500)'),
    ...unless(interval >= 1000 && interval % 1000 === 0, `${at}.analysis.interval`, showDuration(a.interval), 'must be whole seconds, at least 1s', 'e.g. Duration.minutes(1)'),
    // A step, pre- or post-promotion analysis must end (validation_references.go: "runs indefinitely").
    ...unless(Number.isInteger(a.count) && a.count >= 1, `${at}.analysis.count`, a.count, 'must be a whole number of measurements, 1 or more: a step analysis must end', 'e.g. 5'),
    // utils/analysis/factory.go ValidateMetric: "count must be >= failureLimit".
    ...unless(
      Number.isInteger(a.failureLimit) && a.failureLimit >= 0 && a.failureLimit <= a.count,
      `${at}.analysis.failureLimit`,
      a.failureLimit,
      'count must be >= failureLimit (and failureLimit 0 or more)',
      `use 0 to ${Math.max(a.count, 0)}`,
    ),
  ];
}

/**
 * Everything wrong with one delivered workload in an environment of `tier`, as findings on the
 * spec field (`at`, e.g. `delivery.workloads[0]`): names, image pinning, ports and probes, the
 * canary steps against the replica count, and the analysis against the controller's rules.
 */
export function deliveredWorkloadFindings(tier: Tier, workload: DeliveredWorkloadSpec, at: string): Finding[] {
  return [
    ...nameFindings(workload, at),
    ...imageFindings(tier, workload, at),
    ...unless(Number.isInteger(workload.replicas) && workload.replicas >= 1, `${at}.replicas`, workload.replicas, 'must be a whole number, 1 or more', 'e.g. 4'),
    ...unless(
      workload.user === undefined || (workload.user.uid > 0 && workload.user.gid > 0),
      `${at}.user`,
      workload.user,
      'uid and gid 0 are root, which the estate refuses (require-run-as-non-root)',
      "use the image's non-root user id",
    ),
    ...portFindings(workload, at),
    ...strategyFindings(tier, workload, at),
    ...analysisFindings(workload, at),
  ];
}
