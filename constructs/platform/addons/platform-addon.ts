import type { EnvironmentSpec } from '../../../environments/types';
import type { ChartVersions } from '../chart-versions';
import type { Cloud } from '../../core/cloud';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
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

/**
 * Where an add-on runs: on every cluster of the environment, only where Argo CD runs, or on every
 * cluster of one cloud (`{ cloud: 'aws' }`: what only that cloud's clusters need, such as the
 * cluster-autoscaler on EKS, whose node groups do not scale by themselves).
 */
export type AddonPlacement = 'every-cluster' | 'management-cluster' | { readonly cloud: Cloud };

/** The clusters of `spec` an add-on placed so runs on, in spec order. */
export function placedClusters(spec: EnvironmentSpec, placement: AddonPlacement): readonly ClusterSpec[] {
  if (placement === 'every-cluster') return spec.clusters;
  if (placement === 'management-cluster') return spec.clusters.filter((c) => c.role === 'management');
  return spec.clusters.filter((c) => c.cloud === placement.cloud);
}

/** How a placement reads in messages: `every-cluster`, `management-cluster`, `cloud aws`. */
export function placementName(placement: AddonPlacement): string {
  return typeof placement === 'string' ? placement : `cloud ${placement.cloud}`;
}

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
