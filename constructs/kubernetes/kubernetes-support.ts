/**
 * How long each managed Kubernetes service supports a Kubernetes minor version, as data. Synth
 * refuses a cluster on a version past `endOfSupport` (the cloud refuses to create a cluster on it
 * and upgrades existing control planes on its own) and warns before that, and while a version is
 * in paid extended support. Dates are UTC days, `YYYY-MM-DD`, the last day the version is supported.
 *
 * Only dates read in the cloud's own documentation are listed; a version missing here is reported
 * as unknown (a warning), never guessed. Add the new minor of each cloud when you bump clusters to it.
 */
export type ManagedKubernetes = 'aws' | 'azure' | 'gcp';

export interface VersionSupport {
  /** Kubernetes minor, e.g. `1.34`. */
  readonly minor: string;
  /**
   * Last day the cloud runs the version: after it, new clusters on it are refused and existing
   * control planes are upgraded by the cloud.
   */
  readonly endOfSupport: string;
  /** Last day of standard support where the cloud bills extended support after it (EKS). */
  readonly endOfStandardSupport?: string;
}

export interface CloudSupportCalendar {
  /** The managed service, for messages. */
  readonly service: string;
  /** Where the dates below were read, and when. */
  readonly source: string;
  readonly versions: readonly VersionSupport[];
}

export const KUBERNETES_SUPPORT: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = {
  // Read 2026-12-03 in awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc,
  // "Amazon EKS Kubernetes release calendar" (published as
  // https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar).
  // 14 months of standard support, then 12 months of extended support billed per cluster hour;
  // "On the end of extended support date, you can no longer create new Amazon EKS clusters with the
  // unsupported version" and control planes are upgraded automatically.
  aws: {
    service: 'Amazon EKS',
    source: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar',
    versions: [
      { minor: '1.31', endOfStandardSupport: '2025-11-26', endOfSupport: '2026-11-26' },
      { minor: '1.32', endOfStandardSupport: '2026-03-23', endOfSupport: '2027-03-23' },
      { minor: '1.33', endOfStandardSupport: '2026-07-29', endOfSupport: '2027-07-29' },
      { minor: '1.34', endOfStandardSupport: '2026-12-02', endOfSupport: '2027-12-02' },
    ],
  },
  // Read 2026-12-03 in MicrosoftDocs/azure-aks-docs articles/aks/supported-kubernetes-versions.md,
  // "AKS Kubernetes release calendar" (published as
  // https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar).
  // "Unless an explicit date is provided, the End of Life (EOL) date is the last day of the
  // specified month". The later "LTS End of life" applies only to clusters with long-term support
  // enabled (Premium tier), which this estate does not enable.
  azure: {
    service: 'AKS',
    source: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar',
    versions: [
      { minor: '1.32', endOfSupport: '2026-03-31' },
      { minor: '1.33', endOfSupport: '2026-07-31' },
      { minor: '1.34', endOfSupport: '2026-11-30' },
      { minor: '1.35', endOfSupport: '2027-03-31' },
      { minor: '1.36', endOfSupport: '2027-06-30' },
      { minor: '1.37', endOfSupport: '2027-10-31' },
    ],
  },
  // GKE publishes its dates in https://cloud.google.com/kubernetes-engine/docs/release-schedule
  // ("Estimated schedule for release channels"). Its rows for the minors we run could not be read
  // in the documentation available to us on 2026-12-03, so none is listed: a GKE cluster is
  // warned about as unknown until the row is added here from that page.
  gcp: {
    service: 'GKE',
    source: 'https://cloud.google.com/kubernetes-engine/docs/release-schedule',
    versions: [],
  },
};

/** Days before the end of support from which synth warns. */
export const SUPPORT_WARNING_DAYS = 60;

export type SupportStatus =
  | { readonly kind: 'supported' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ended'; readonly endOfSupport: string }
  | { readonly kind: 'ending'; readonly endOfSupport: string; readonly days: number }
  | { readonly kind: 'extended'; readonly endOfStandardSupport: string; readonly endOfSupport: string };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Where `minor` stands on `today` (UTC `YYYY-MM-DD`) on `cloud`. */
export function supportStatus(
  cloud: ManagedKubernetes,
  minor: string,
  today: string,
  calendar: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = KUBERNETES_SUPPORT,
): SupportStatus {
  const version = calendar[cloud].versions.find((v) => v.minor === minor);
  if (version === undefined) return { kind: 'unknown' };
  const { endOfSupport, endOfStandardSupport } = version;
  if (today > endOfSupport) return { kind: 'ended', endOfSupport };
  const days = daysBetween(today, endOfSupport);
  if (days <= SUPPORT_WARNING_DAYS) return { kind: 'ending', endOfSupport, days };
  if (endOfStandardSupport !== undefined && today > endOfStandardSupport) return { kind: 'extended', endOfStandardSupport, endOfSupport };
  return { kind: 'supported' };
}

function compareMinors(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * The minors newer than `current` that `cloud` still fully supports on `today` (in standard
 * support where the cloud has extended support), oldest first: what a cluster can be upgraded to.
 */
export function upgradeTargets(
  cloud: ManagedKubernetes,
  current: string,
  today: string,
  calendar: Readonly<Record<ManagedKubernetes, CloudSupportCalendar>> = KUBERNETES_SUPPORT,
): string[] {
  return calendar[cloud].versions.filter((v) => compareMinors(v.minor, current) > 0 && (v.endOfStandardSupport ?? v.endOfSupport) >= today).map((v) => v.minor);
}
