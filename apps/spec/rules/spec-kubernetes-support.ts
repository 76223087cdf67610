import { type Finding, finding } from '../../../constructs/core/finding';
import {
  type CloudSupportCalendar,
  KUBERNETES_SUPPORT,
  type ManagedKubernetes,
  type SupportStatus,
  supportStatus,
  upgradeTargets,
} from '../../../constructs/kubernetes/kubernetes-support';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { ClusterSpec, EnvironmentSpec } from '../../../environments/types';

type Calendar = Readonly<Record<ManagedKubernetes, CloudSupportCalendar>>;

/** The problem of a cluster's support status, or undefined while the version is supported. */
function problemOf(status: SupportStatus, cluster: ClusterSpec, service: string, today: string): string | undefined {
  const version = cluster.kubernetesVersion;
  switch (status.kind) {
    case 'ended':
      return `${service} ended support for Kubernetes ${version} on ${status.endOfSupport} (today is ${today}): new clusters on it are refused and the cloud upgrades existing control planes on its own`;
    case 'ending':
      return `${service} ends support for Kubernetes ${version} on ${status.endOfSupport}, in ${status.days} days: synth refuses it from the day after`;
    case 'extended':
      return `${service} standard support for Kubernetes ${version} ended on ${status.endOfStandardSupport}: the cluster is in extended support, billed per cluster hour, until ${status.endOfSupport}`;
    case 'unknown':
      return `no ${service} support dates for Kubernetes ${version} are recorded, so synth cannot tell whether the cloud still supports it`;
    case 'supported':
      return undefined;
  }
}

/** Findings for the clusters whose status `selected` picks, each naming the upgrade. */
function supportFindings(spec: EnvironmentSpec, today: string, calendar: Calendar, selected: (status: SupportStatus) => boolean): Finding[] {
  return spec.clusters.flatMap((cluster, i) => {
    const status = supportStatus(cluster.cloud, cluster.kubernetesVersion, today, calendar);
    const { service, source } = calendar[cluster.cloud];
    const problem = problemOf(status, cluster, service, today);
    if (problem === undefined || !selected(status)) return [];
    const field = `clusters[${i}].kubernetesVersion`;
    const targets = upgradeTargets(cluster.cloud, cluster.kubernetesVersion, today, calendar);
    const fix =
      status.kind === 'unknown'
        ? `add the minor's dates from ${source} to constructs/kubernetes/kubernetes-support.ts`
        : targets.length > 0
          ? `upgrade ${cluster.name}: set ${field} to ${targets.join(' or ')}`
          : `upgrade ${cluster.name} to a newer minor that ${service} supports: add its dates from ${source} to constructs/kubernetes/kubernetes-support.ts, then set ${field}`;
    return [finding(field, cluster.kubernetesVersion, problem, fix)];
  });
}

const CONTROLS = { soc2: ['CC7.1'], pciDss: ['6.3.3'], iso27001: ['A.8.8'], gdpr: [] };

/**
 * Every cluster's `kubernetesVersion` against its cloud's support calendar on `today`
 * (constructs/kubernetes/kubernetes-support.ts). `today` is a parameter so that a test pins it:
 * the same spec passes today and is refused once the date passes, which is the point. Two rules,
 * because the contract has one level per rule: a version past its end of support is refused, one
 * ending soon, in paid extended support or without recorded dates is reported.
 */
export function specKubernetesSupport(today: string, calendar: Calendar = KUBERNETES_SUPPORT): readonly [SpecRule<EnvironmentSpec>, SpecRule<EnvironmentSpec>] {
  return [
    {
      id: 'spec-kubernetes-support',
      engine: 'spec',
      level: 'error',
      title: 'Clusters run a Kubernetes version their cloud still supports',
      rationale:
        'After the end of support the cloud refuses new clusters on the version and upgrades existing control planes on its own, untested; and the version gets no more security patches.',
      controls: CONTROLS,
      check: (spec) => supportFindings(spec, today, calendar, (status) => status.kind === 'ended'),
    },
    {
      id: 'spec-kubernetes-support-ending',
      engine: 'spec',
      level: 'warning',
      title: "Clusters are upgraded before their version's support ends",
      rationale:
        'A version near its end of support, in paid extended support or without recorded dates will be refused soon or already costs extra: the upgrade is planned before that day.',
      controls: CONTROLS,
      check: (spec) => supportFindings(spec, today, calendar, (status) => status.kind !== 'ended'),
    },
  ];
}
