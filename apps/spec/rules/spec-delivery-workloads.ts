import { type Finding, unless } from '../../../constructs/core/finding';
import { workloadSpecFindings } from '../../../constructs/delivery/workload-spec-findings';
import { RESERVED_NAMESPACES } from '../../../constructs/platform/platform-namespaces';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

function placementFindings(spec: EnvironmentSpec): Finding[] {
  const workloads = spec.delivery?.workloads ?? [];
  const clusterNames = new Set(spec.clusters.map((c) => c.name));
  return workloads.flatMap((w, i) => [
    ...unless(
      workloads.findIndex((other) => other.name === w.name) === i,
      `delivery.workloads[${i}].name`,
      w.name,
      'another workload has this name: their folders and Applications would collide',
      'give each workload its own name',
    ),
    ...unless(
      workloads.findIndex((other) => other.namespace === w.namespace) === i,
      `delivery.workloads[${i}].namespace`,
      w.namespace,
      'another workload uses this namespace: each workload folder brings its Namespace and NetworkPolicies',
      'give each workload its own namespace',
    ),
    ...unless(
      !RESERVED_NAMESPACES.has(w.namespace),
      `delivery.workloads[${i}].namespace`,
      w.namespace,
      'is a platform namespace, exempt from the tenant policies',
      'use a namespace of its own, e.g. the workload name',
    ),
    ...(w.clusters ?? []).flatMap((cluster, j) =>
      unless(clusterNames.has(cluster), `delivery.workloads[${i}].clusters[${j}]`, cluster, 'is not a cluster of this environment', `use one of ${[...clusterNames].join(', ')}`),
    ),
    ...unless(
      w.clusters === undefined || w.clusters.length > 0,
      `delivery.workloads[${i}].clusters`,
      w.clusters,
      'an empty list runs the workload nowhere',
      'leave clusters out for every workload cluster',
    ),
  ]);
}

/**
 * Each delivered workload can be rolled out as its tier says: names, image pinning (digest in
 * production), ports and probes, canary weights the replica count realises, and the controller's
 * rules for steps and analysis (constructs/delivery/workload-findings.ts), the requests the analysis
 * leaves out (a label and a regex Prometheus reads as meant), a blue-green preview's smoke requests
 * (constructs/delivery/smoke-test-findings.ts), which the API server
 * does not check and the Rollouts controller only reports as InvalidSpec once deployed.
 */
export const specDeliveryWorkloads: SpecRule<EnvironmentSpec> = {
  id: 'spec-delivery-workloads',
  engine: 'spec',
  level: 'error',
  title: 'Delivered workloads can be rolled out as their tier says',
  rationale:
    'A Rollout the controller refuses sits as InvalidSpec and never rolls; a canary weight the replica count cannot realise moves ' +
    'more pods than the step says; a production image by tag can change after its analysis passed.',
  controls: NO_CONTROLS,
  check: (spec) => [...placementFindings(spec), ...(spec.delivery?.workloads ?? []).flatMap((w, i) => workloadSpecFindings(spec.tier, w, `delivery.workloads[${i}]`))],
};
