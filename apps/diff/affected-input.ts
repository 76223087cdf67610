import type { AffectedInput } from './affected-units';
import type { EstateUnit, KubernetesUnit } from './estate-unit';
import { applyOrder, type StackOrder } from './read/apply-order';
import { distFileRole } from './read/dist-path';
import { kubernetesUnits } from './read/kubernetes-units';
import { kustomizationResources } from './read/kustomization';
import type { RevisionFiles } from './read/revision-files';
import type { UnitChange } from './unit-change';

/**
 * What the affected units need besides the changes: every Application and ApplicationSet of the
 * changed environments (those in changed files are parsed already; the others are read from the head,
 * as unchanged files are the same on both sides), their kustomizations and the stacks' apply order.
 */
export function affectedInput(
  base: RevisionFiles,
  head: RevisionFiles,
  changed: readonly string[],
  changes: readonly UnitChange[],
  environments: ReadonlySet<string>,
  parsedApplications: readonly KubernetesUnit[],
): AffectedInput {
  const inEnvironments = (p: string): boolean => environments.has(distFileRole(p).environment ?? '');
  const changedFiles = new Set(changed);
  const applications: KubernetesUnit[] = [...parsedApplications];
  const kustomizations = new Map<string, readonly string[]>();
  const applyOrders = new Map<string, readonly StackOrder[]>();
  // Head first: the current kustomizations and apply order decide; the base adds what was removed.
  for (const side of [head, base]) {
    const paths = [...side.blobs.keys()].filter(
      (p) => inEnvironments(p) && ((p.startsWith('dist/k8s/') && (side === head || changedFiles.has(p))) || p.endsWith('/apply-order.json')),
    );
    for (const [path, text] of side.read(paths)) {
      const environment = distFileRole(path).environment;
      if (environment === undefined) continue;
      if (path.endsWith('/kustomization.yaml')) {
        const dir = path.slice(0, path.lastIndexOf('/'));
        if (!kustomizations.has(dir)) kustomizations.set(dir, kustomizationResources(path, text));
      } else if (path.endsWith('/apply-order.json')) {
        if (!applyOrders.has(environment)) applyOrders.set(environment, applyOrder(path, text));
      } else if (!changedFiles.has(path) && /^kind: Application(Set)?$/m.test(text)) {
        applications.push(...kubernetesUnits(path, environment, text).filter(isApplication));
      }
    }
  }
  return { changedFiles: changed, changes, applications, kustomizations, applyOrders };
}

export function isApplication(unit: EstateUnit): unit is KubernetesUnit {
  return unit.engine === 'kubernetes' && (unit.kind === 'Application' || unit.kind === 'ApplicationSet');
}
