import type { ChartVersions, EnvironmentSpec } from '../../../environments/types';
import type { GroupKind } from '../../argocd/app-project';
import type { HelmChartRef, HelmValues } from '../../argocd/application-source';

/** Where an add-on runs: on every cluster of the environment, or only where Argo CD runs. */
export type AddonPlacement = 'every-cluster' | 'management-cluster';

/** An upstream Helm chart the platform installs, with the values every environment derives. */
export interface PlatformAddon {
  /** The key of its pinned version in `EnvironmentSpec.charts`. */
  readonly versionKey: keyof ChartVersions;
  /** Application(Set) name. */
  readonly name: string;
  readonly chart: HelmChartRef;
  readonly namespace: string;
  readonly placement: AddonPlacement;
  /** Charts whose CRDs exceed client-side apply's 256 KiB annotation limit. */
  readonly serverSideApply: boolean;
  /**
   * The custom resource kinds whose CRDs the chart installs (the ones the estate or other charts
   * create objects of). Applications that create such objects sync after it or skip the dry run
   * while the CRD is missing; the add-on itself is never deleted in cascade (deleting a CRD
   * deletes every object of its kind).
   */
  readonly crds: readonly GroupKind[];
  readonly values: (spec: EnvironmentSpec) => HelmValues;
}
