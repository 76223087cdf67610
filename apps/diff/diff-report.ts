import type { Tier } from '../../constructs/core/tier';
import type { RiskLevel } from './risks/risk-rule';
import type { UnitChange } from './unit-change';

/** A risk flag: a rule's finding on one change, placed. */
export interface RiskFlag {
  readonly level: RiskLevel;
  readonly rule: string;
  readonly environment: string;
  /** `Application argocd/prod-root`, `aws-foundation: aws_s3_bucket.state` (unitLabel). */
  readonly unit: string;
  readonly file: string;
  readonly reason: string;
  readonly path?: string;
}

/** A dist/ file that is summarised rather than compared object by object (test suites, READMEs, inventories, kustomizations). */
export interface FileChange {
  readonly file: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Lines only in the head / only in the base (as multisets: a moved line counts as neither). */
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

export interface ChangeCounts {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly moved: number;
}

export interface EnvironmentDiff {
  readonly environment: string;
  readonly tier: Tier;
  /** Only in one revision. */
  readonly presence: 'both' | 'added' | 'removed';
  readonly counts: ChangeCounts;
  readonly changes: readonly UnitChange[];
  readonly files: readonly FileChange[];
}

/** What CI should plan and sync: the units the change touches. */
export interface AffectedUnits {
  readonly environments: readonly string[];
  readonly applications: readonly { readonly environment: string; readonly kind: 'Application' | 'ApplicationSet'; readonly name: string; readonly reason: string }[];
  readonly stacks: readonly { readonly environment: string; readonly stack: string; readonly reason: string }[];
}

export interface DiffReport {
  readonly base: { readonly label: string; readonly commit?: string };
  readonly head: { readonly label: string; readonly commit?: string };
  /** Environments that changed, by name. */
  readonly environments: readonly EnvironmentDiff[];
  /** Files of no one environment that changed (the compliance report's entry points, report.json and report.md). */
  readonly estateFiles: readonly FileChange[];
  /** Highest level first, then environment, rule and unit. */
  readonly flags: readonly RiskFlag[];
  readonly affected: AffectedUnits;
  /** What the reader should know about how the diff was made (an environment whose tier is unknown). */
  readonly notes: readonly string[];
}
