import type { Cloud } from '../../core/cloud';

/**
 * The object-store plugin of each cloud (velero-plugin-for-aws, -microsoft-azure, -gcp): an image
 * whose entrypoint copies the plugin binary into the Velero pod's shared `plugins` volume, run as
 * an init container (`cp-plugin /plugins/<name> /target/<name>`, each plugin's Dockerfile at v1.13.2).
 */
export const VELERO_PLUGIN_NAMES: Readonly<Record<Cloud, string>> = {
  aws: 'velero-plugin-for-aws',
  azure: 'velero-plugin-for-microsoft-azure',
  gcp: 'velero-plugin-for-gcp',
};

/**
 * The plugin release of each velero chart version, by the Velero release the chart runs (its
 * `appVersion`). Each plugin's README "Compatibility" table pairs plugin v1.13.x with Velero
 * v1.17.x (velero-plugin-for-aws, -microsoft-azure, -gcp README.md at v1.13.2, tagged 2025-12-31);
 * chart 11.4.0 (vmware-tanzu/helm-charts tag velero-11.4.0) has appVersion 1.17.1.
 *
 * Chart 12.x (Velero 1.18.x) needs plugins v1.14.x. The Go module proxy lists v1.14.0 (2026-03-06)
 * to v1.14.3 for the aws and gcp plugins, but refuses the microsoft-azure module (403), and its
 * mirrored repository stops at v1.14.0-rc.1: with an AKS cluster in dev, 12.x waits until the
 * azure plugin's v1.14 release is confirmed. Tags, not digests: no registry was reachable to read
 * the digests from; the images are published under docker.io/velero/<plugin>:<tag>.
 */
export const VELERO_PLUGIN_TAGS: Readonly<Record<string, string>> = {
  '11.4.0': 'v1.13.2',
};

/** The plugin image of `cloud` for the velero chart at `chartVersion`. @throws Error naming the fix when the table has no line for the chart */
export function veleroPluginImage(environment: string, chartVersion: string, cloud: Cloud): string {
  const tag = VELERO_PLUGIN_TAGS[chartVersion];
  if (tag === undefined) {
    throw new Error(
      `${environment}/addons/velero: chart velero ${chartVersion} has no plugin release listed (fix: add the plugin release its Velero version is compatible with ` +
        `to VELERO_PLUGIN_TAGS in constructs/platform/addons/velero-plugins.ts, from each plugin's README "Compatibility" table)`,
    );
  }
  return `docker.io/velero/${VELERO_PLUGIN_NAMES[cloud]}:${tag}`;
}
