import { type AddonReleases, addonReleases } from '../../constructs/monitoring/domains/scrape-jobs';
import { type PlatformAddon, placedClusters } from '../../constructs/platform/addons/platform-addon';
import type { EnvironmentSpec } from '../../environments/types';

/**
 * The Helm releases of a platform add-on in `spec`: the clusters its placement selects and the
 * values the environment renders it with. None (and no values) where it runs on no cluster.
 */
export function addonReleasesIn(spec: EnvironmentSpec, addon: PlatformAddon): AddonReleases {
  const clusters = placedClusters(spec, addon.placement);
  return addonReleases(spec.name, addon, clusters, clusters.length === 0 ? {} : addon.values(spec));
}
