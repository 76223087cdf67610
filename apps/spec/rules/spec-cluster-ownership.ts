import type { FleetFinding, FleetRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';
import { fleetFinding } from './support/fleet-finding';

/** A cluster belongs to one environment: two Argo CD instances managing it would fight over objects. */
export const specClusterOwnership: FleetRule<EnvironmentSpec> = {
  id: 'spec-cluster-ownership',
  engine: 'fleet',
  level: 'error',
  title: 'Every cluster belongs to one environment',
  rationale: "Two environments' Argo CD instances managing one cluster overwrite each other's objects and prune what the other deployed.",
  controls: { soc2: ['CC8.1'], pciDss: [], iso27001: ['A.8.9'], gdpr: [] },
  check: (specs) => {
    const owner = new Map<string, string>();
    return specs.flatMap((spec) =>
      spec.clusters.flatMap((cluster, index): FleetFinding[] => {
        const first = owner.get(cluster.name);
        if (first === undefined) owner.set(cluster.name, spec.name);
        return first === undefined || first === spec.name
          ? []
          : [
              fleetFinding(
                spec.name,
                `clusters[${index}].name`,
                cluster.name,
                `already a cluster of environment ${JSON.stringify(first)}: a cluster belongs to exactly one environment, or two Argo CD instances fight over it`,
                `remove the cluster from one environment or rename it (e.g. prefix it with '${spec.name}-')`,
              ),
            ];
      }),
    );
  },
};
