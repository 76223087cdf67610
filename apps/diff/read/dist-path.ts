/**
 * What a dist/ file is, from its path alone (apps/synth/dist-layout.ts writes these paths): the
 * environment it belongs to and how the diff reads it.
 * - `kubernetes`: objects Argo CD syncs (dist/k8s/<env>/...), and the bootstrap objects.
 * - `terraform`: a stack (dist/terraform/<env>/<stack>/main.tf).
 * - `compliance`: the estate's compliance report (dist/compliance/report.json), all environments.
 * - `estate`: the environment's index (dist/estate/<env>/environment.json: its tier).
 * - `generated`: test suites, inventories, READMEs and the report's Markdown: summarised per file.
 */
export type DistFileKind = 'kubernetes' | 'terraform' | 'compliance' | 'estate' | 'generated';

export interface DistFileRole {
  readonly kind: DistFileKind;
  /** The environment, or undefined for a file of the whole estate (the compliance report). */
  readonly environment?: string;
  /** Terraform only: the stack folder. */
  readonly stack?: string;
  /** For a summary line: `policy-tests`, `prometheus-tests`, `bootstrap`, `compliance`, `k8s`... */
  readonly area: string;
}

export function distFileRole(path: string): DistFileRole {
  const parts = path.split('/');
  const [, area = '', second = ''] = parts;
  const environment = second;
  // kustomization.yaml lists what Argo CD applies; it is no object, so it is summarised as a file.
  if (area === 'k8s' && /\.ya?ml$/.test(path) && !path.endsWith('/kustomization.yaml')) return { kind: 'kubernetes', environment, area };
  if (area === 'terraform' && parts.length === 5 && path.endsWith('/main.tf')) return { kind: 'terraform', environment, stack: parts[3], area };
  if (area === 'compliance' && path.endsWith('/report.json')) return { kind: 'compliance', area };
  if (area === 'estate' && parts.length === 4 && path.endsWith('/environment.json')) return { kind: 'estate', environment, area };
  if (area === 'compliance') return { kind: 'generated', area };
  return { kind: 'generated', environment, area };
}
