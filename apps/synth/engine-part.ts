import type { LocatedObject } from '../../constructs/rules/estate/kubernetes-side';
import type { RuleResult } from '../../constructs/rules/result';
import type { TerraformResourceView } from '../../constructs/rules/types';
import type { SecretDeclaration } from '../../constructs/secrets/required-secret';
import { DIST_DIR } from './dist-layout';

/** One row of the synth summary: a Kubernetes component or a Terraform stack. */
export interface SummaryRow {
  readonly environment: string;
  readonly engine: 'k8s' | 'kyverno-test' | 'promtool' | 'amtool' | 'terraform';
  readonly unit: string;
  readonly files: number;
  readonly resources: number;
}

/** One engine's share of a synth: its files, summary rows and rule results (passing ones too). */
export interface EnginePart {
  readonly files: Map<string, string>;
  readonly summary: SummaryRow[];
  readonly results: readonly RuleResult[];
  /** Kubernetes: every object with the file it is written to, for the estate rules. */
  readonly located?: readonly LocatedObject[];
  /** Kubernetes: the Secrets the constructs declare they read, for the estate rules. */
  readonly requiredSecrets?: readonly SecretDeclaration[];
  /** Terraform: every block of every stack, for the estate rules. */
  readonly views?: readonly TerraformResourceView[];
}

/** The layout speaks in repository paths (what Argo CD reads); files are keyed below `dist/`. */
export function outputPath(repositoryPath: string): string {
  return repositoryPath.slice(DIST_DIR.length + 1);
}
