import type { ChartVersions, EnvironmentSpec } from '../../../environments/types';
import type { GroupKind } from '../../argocd/app-project';
import type { HelmChartRef, HelmValues } from '../../argocd/application-source';
import type { RequiredSecretKey } from '../../secrets/required-secret';

/**
 * A Secret the add-on's values make it read, in its namespace, that the estate does not hold; the
 * add-ons chart declares it (RequiredSecret) for the secrets inventory.
 */
export interface AddonSecret {
  readonly name: string;
  readonly keys: readonly RequiredSecretKey[];
  /** How the add-on reads it, e.g. `receiver key files`. */
  readonly readBy: string;
  /** Clusters that need it. @default - every cluster the add-on runs on */
  readonly clusters?: readonly string[];
}

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
  /** Secrets its values make it read (one declaration per Secret). @default - none */
  readonly secrets?: (spec: EnvironmentSpec) => readonly AddonSecret[];
}
