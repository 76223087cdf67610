import type { AccessSpec } from '../../argocd/access-spec';
import type { GroupKind } from '../../argocd/app-project';
import type { HelmChartRef, HelmValues } from '../../argocd/application-source';
import type { BackupSpec } from '../../backup/backup-spec';
import type { Cloud } from '../../core/cloud';
import type { Tier } from '../../core/tier';
import type { DriftDetectionSpec } from '../../drift/drift-detection-spec';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import type { EnvironmentClusters, EnvironmentClustersAndAccounts } from '../../kubernetes/environment-clusters';
import type { alertmanagerConfig } from '../../monitoring/alertmanager-config';
import type { NotificationSpec } from '../../monitoring/notification-spec';
import type { RequiredSecretKey } from '../../secrets/required-secret';
import type { ChartVersions } from '../chart-versions';
import type { EnvironmentSso } from '../environment-sso';
import type { LogDestinationEnvironment } from './fluent-bit-destinations';

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

/** The clusters of the environment an add-on placed so runs on, in the environment's order. */
export function placedClusters(environment: Pick<EnvironmentClusters, 'clusters'>, placement: AddonPlacement): readonly ClusterSpec[] {
  if (placement === 'every-cluster') return environment.clusters;
  if (placement === 'management-cluster') return environment.clusters.filter((c) => c.role === 'management');
  return environment.clusters.filter((c) => c.cloud === placement.cloud);
}

/** The fields of an environment the add-ons' own values read. */
export interface AddonEnvironmentFields extends EnvironmentClustersAndAccounts {
  readonly tier: Tier;
  readonly driftDetection: DriftDetectionSpec;
  readonly access: AccessSpec;
  readonly notifications: NotificationSpec;
  /** @default - no single sign-on */
  readonly sso?: EnvironmentSso;
  /** Velero's schedules. */
  readonly backup: BackupSpec;
  /** The pinned chart versions: an add-on whose images follow its chart's release (Velero's plugins) reads its own. */
  readonly charts: ChartVersions;
}

/**
 * What an add-on's values may read of the environment it is installed in: AddonEnvironmentFields,
 * and what the monitoring constructs two add-ons hand the environment to read (Alertmanager's
 * routing, the cloud log group's name; their files say which fields). Each add-on names the part
 * it reads (`PlatformAddon<Pick<AddonEnvironment, 'tier'>>`), so it can be installed from any value
 * that has those fields, not only from a whole environment spec.
 */
export type AddonEnvironment = AddonEnvironmentFields & Parameters<typeof alertmanagerConfig>[0] & LogDestinationEnvironment;

/** How a placement reads in messages: `every-cluster`, `management-cluster`, `cloud aws`. */
export function placementName(placement: AddonPlacement): string {
  return typeof placement === 'string' ? placement : `cloud ${placement.cloud}`;
}

/**
 * An upstream Helm chart the platform installs, with the values every environment derives.
 * `Environment` is what its values and Secrets read of the environment (AddonEnvironment or part of it).
 */
export interface PlatformAddon<Environment = AddonEnvironment> {
  /** The key of its pinned version in the environment's chart versions. */
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
  readonly values: (environment: Environment) => HelmValues;
  /** Secrets its values make it read (one declaration per Secret). @default - none */
  readonly secrets?: (environment: Environment) => readonly AddonSecret[];
}
