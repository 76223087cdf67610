import { showValue, type Violation } from '../../constructs/rules/violation';
import {
  type CloudSupportCalendar,
  KUBERNETES_SUPPORT,
  type ManagedKubernetes,
  supportStatus,
  upgradeTargets,
} from '../../constructs/kubernetes/kubernetes-support';
import { fileOfField } from './validate';
import type { EnvironmentSpec } from '../../environments/types';

/** Refusals (a version past its end of support) and warnings (ending soon, extended, unknown). */
export interface SupportFindings {
  readonly errors: readonly Violation[];
  readonly warnings: readonly Violation[];
}

/**
 * Every cluster's `kubernetesVersion` against its cloud's support calendar on `today`
 * (constructs/kubernetes/kubernetes-support.ts). `today` is a parameter so that a test pins it:
 * the same spec passes today and is refused once the date passes, which is the point.
 */
export function validateKubernetesSupport(
  specs: readonly EnvironmentSpec[],
  today: string,
  calendar: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = KUBERNETES_SUPPORT,
): SupportFindings {
  const errors: Violation[] = [];
  const warnings: Violation[] = [];
  for (const spec of specs) {
    spec.clusters.forEach((cluster, i) => {
      const field = `clusters[${i}].kubernetesVersion`;
      const { service, source } = calendar[cluster.cloud];
      const targets = upgradeTargets(cluster.cloud, cluster.kubernetesVersion, today, calendar);
      const upgrade =
        targets.length > 0
          ? `upgrade ${cluster.name}: set ${field} to ${targets.join(' or ')}`
          : `upgrade ${cluster.name} to a newer minor that ${service} supports: add its dates from ${source} to constructs/kubernetes/kubernetes-support.ts, then set ${field}`;
      const at = (problem: string, fix: string): Violation => ({
        environment: spec.name,
        path: fileOfField(spec.name, field),
        field,
        value: showValue(cluster.kubernetesVersion),
        problem,
        fix,
      });
      const status = supportStatus(cluster.cloud, cluster.kubernetesVersion, today, calendar);
      switch (status.kind) {
        case 'ended':
          errors.push(at(`${service} ended support for Kubernetes ${cluster.kubernetesVersion} on ${status.endOfSupport} (today is ${today}): new clusters on it are refused and the cloud upgrades existing control planes on its own`, upgrade));
          break;
        case 'ending':
          warnings.push(at(`${service} ends support for Kubernetes ${cluster.kubernetesVersion} on ${status.endOfSupport}, in ${status.days} days: synth refuses it from the day after`, upgrade));
          break;
        case 'extended':
          warnings.push(at(`${service} standard support for Kubernetes ${cluster.kubernetesVersion} ended on ${status.endOfStandardSupport}: the cluster is in extended support, billed per cluster hour, until ${status.endOfSupport}`, upgrade));
          break;
        case 'unknown':
          warnings.push(at(`no ${service} support dates for Kubernetes ${cluster.kubernetesVersion} are recorded, so synth cannot tell whether the cloud still supports it`, `add the minor's dates from ${source} to constructs/kubernetes/kubernetes-support.ts`));
          break;
        case 'supported':
          break;
      }
    });
  }
  return { errors, warnings };
}
