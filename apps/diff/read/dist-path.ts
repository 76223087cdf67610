import { RESULTS_EXTENSION, RESULTS_FOLDER } from '../../../constructs/rules/report-paths';

/**
 * What a dist/ file is, from its path alone (apps/synth/dist-layout.ts writes these paths): the
 * environment it belongs to and how the diff reads it.
 * - `kubernetes`: objects Argo CD syncs (dist/k8s/<env>/...) and the kustomizations that list them.
 *   (The bootstrap, applied once by hand, is summarised as files.)
 * - `terraform`: a stack (dist/terraform/<env>/<stack>/main.tf).
 * - `compliance`: an environment's compliance results (dist/compliance/results/<env>.jsonl).
 * - `estate`: the environment's index (dist/estate/<env>/environment.json: its tier).
 * - `generated`: test suites, inventories, READMEs, a stack's other files (`.terraform.lock.hcl`) and
 *   the compliance report's entry points (report.json and report.md: totals that follow from the
 *   results, the failures and suppressions among them, the rule catalogue): summarised per file.
 */
export type DistFileKind = 'kubernetes' | 'terraform' | 'compliance' | 'estate' | 'generated';

export interface DistFileRole {
  readonly kind: DistFileKind;
  /** The environment, or undefined for a file of the whole estate (the compliance report's entry points). */
  readonly environment?: string;
  /** Terraform only: the stack folder (of main.tf, or of any other file in it). */
  readonly stack?: string;
  /** For a summary line: `policy-tests`, `prometheus-tests`, `bootstrap`, `compliance`, `k8s`... */
  readonly area: string;
}

export function distFileRole(path: string): DistFileRole {
  const parts = path.split('/');
  const [, area = ''] = parts;
  const results = complianceResultsEnvironment(path);
  if (results !== undefined) return { kind: 'compliance', environment: results, area };
  // A file directly in dist/ belongs to no environment.
  const environment = parts.length > 3 ? parts[2] : undefined;
  if (area === 'k8s' && environment !== undefined && /\.ya?ml$/.test(path)) return { kind: 'kubernetes', environment, area };
  if (area === 'terraform' && environment !== undefined && parts.length >= 5) {
    return { kind: path.endsWith('/main.tf') && parts.length === 5 ? 'terraform' : 'generated', environment, stack: parts[3], area };
  }
  if (area === 'estate' && parts.length === 4 && path.endsWith('/environment.json')) return { kind: 'estate', environment, area };
  if (area === 'compliance' || environment === undefined) return { kind: 'generated', area };
  return { kind: 'generated', environment, area };
}

/** The environment of `dist/compliance/results/<env>.jsonl` (constructs/rules/report-paths.ts), else undefined. */
function complianceResultsEnvironment(path: string): string | undefined {
  const prefix = `dist/compliance/${RESULTS_FOLDER}/`;
  if (!path.startsWith(prefix) || !path.endsWith(RESULTS_EXTENSION)) return undefined;
  const name = path.slice(prefix.length, -RESULTS_EXTENSION.length);
  return name === '' || name.includes('/') ? undefined : name;
}
