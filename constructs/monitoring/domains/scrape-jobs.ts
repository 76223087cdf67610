import type { HelmValues } from '../../argocd/application-source';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import { type PlatformAddon, placementName } from '../../platform/addons/platform-addon';

/** Kubernetes names (and so Helm's `fullname`) are cut at 63 characters, the DNS label limit. */
const DNS_LABEL_LENGTH = 63;

/**
 * `<chart>.fullname` of Helm's standard chart scaffold, which the argo-rollouts and sealed-secrets
 * charts both use (templates/_helpers.tpl): `fullnameOverride` when set; else the release name when
 * it already contains the chart name (or `nameOverride`); else `<release>-<name>`. Cut at 63
 * characters, trailing `-` trimmed.
 */
export function helmFullname(releaseName: string, chartName: string, values: HelmValues): string {
  const override = values.fullnameOverride;
  const nameOverride = values.nameOverride;
  const name = typeof nameOverride === 'string' && nameOverride !== '' ? nameOverride : chartName;
  const full = typeof override === 'string' && override !== '' ? override : releaseName.includes(name) ? releaseName : `${releaseName}-${name}`;
  return full.slice(0, DNS_LABEL_LENGTH).replace(/-+$/, '');
}

/** An add-on as its Helm releases are named (see PlatformAddon). */
export type ReleasedAddon = Pick<PlatformAddon, 'name' | 'chart' | 'placement'>;

/**
 * The Helm releases of one add-on in an environment, one per cluster it runs on: what its metrics
 * Services, and so its scrape jobs, are named after.
 */
export interface AddonReleases {
  /** The environment, for messages. */
  readonly environment: string;
  /** The add-on's Application(Set) name, for messages. */
  readonly addon: string;
  /** Where the add-on runs, for messages (placementName). */
  readonly placement: string;
  /** The chart's name, which `<chart>.fullname` appends to a release name that lacks it. */
  readonly chart: string;
  /** The Helm values of the releases: their `fullnameOverride` and `nameOverride` name the objects. */
  readonly values: HelmValues;
  /** The release name on each cluster the add-on runs on. */
  readonly releaseNames: readonly string[];
}

/**
 * The releases of `addon` on `clusters` (the clusters its placement selects) and the Helm release
 * name Argo CD renders it with there. Argo CD uses the Application's name as the release name when
 * `helm.releaseName` is unset (reposerver `helmTemplate`); an ApplicationSet names each Application
 * `<cluster>-<set>` (constructs/argocd/application-set.ts), a management-cluster add-on is one
 * Application named after the add-on (constructs/platform/addons-chart.ts).
 */
export function addonReleases(environment: string, addon: ReleasedAddon, clusters: readonly Pick<ClusterSpec, 'name'>[], values: HelmValues): AddonReleases {
  const releaseNames = addon.placement === 'management-cluster' ? clusters.map(() => addon.name) : clusters.map((cluster) => `${cluster.name}-${addon.name}`);
  return { environment, addon: addon.name, placement: placementName(addon.placement), chart: addon.chart.chart, values, releaseNames };
}

/** The `job` names of one add-on's metrics: at least one, since the add-on runs somewhere. */
export type MetricsJobs = readonly [string, ...string[]];

/**
 * The Prometheus `job` of an add-on's metrics on every cluster it runs on, sorted and without
 * repeats. prometheus-operator sets `job` to the name of the scraped Service when the
 * ServiceMonitor has no `jobLabel` (ServiceMonitorSpec.jobLabel), and neither chart sets one;
 * `metricsService` is the chart's rule for that Service's name from its `fullname`.
 */
export function addonMetricsJobs(releases: AddonReleases, metricsService: (fullname: string) => string): MetricsJobs {
  const jobs = releases.releaseNames.map((release) => metricsService(helmFullname(release, releases.chart, releases.values)));
  const [first, ...rest] = [...new Set(jobs)].sort();
  if (first === undefined) {
    const { environment, addon, placement } = releases;
    throw new Error(
      `${environment}/monitoring/${addon}: placement '${placement}' matches no cluster of the environment, so its metrics job has no name; add a cluster with that role to environment ${environment}`,
    );
  }
  return [first, ...rest];
}

/** A PromQL matcher for any of `jobs`: `job=~"a|b"` (Prometheus anchors the regex; the names are DNS labels, nothing to escape). */
export function jobMatcher(jobs: readonly string[]): string {
  return `job=~"${jobs.join('|')}"`;
}

/**
 * `expr` with `namespace` set to the namespace of the object a series describes. Controllers label
 * their per-object series `namespace=<the object's namespace>`; a ServiceMonitor without
 * `honorLabels` (argo-rollouts' as we install it) keeps the target's
 * `namespace` (the controller's) and renames the series' own to `exported_namespace`. Where that
 * label is absent (honorLabels on) the series is returned as it is, so the rules work either way.
 */
export function withObjectNamespace(expr: string): string {
  return `label_replace(${expr}, "namespace", "$1", "exported_namespace", "(.+)")`;
}
