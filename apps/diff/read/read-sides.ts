import type { EstateUnit } from '../estate-unit';
import { distFileRole } from './dist-path';
import { kustomizationResources } from './kustomization';
import type { RevisionFiles } from './revision-files';
import { type RevisionUnits, revisionUnits } from './revision-units';
import { differingBlocks } from './terraform-blocks';

export interface BothSides {
  readonly base: RevisionUnits;
  readonly head: RevisionUnits;
  /** Files of the head left out because their folder's kustomization does not list them. */
  readonly unlisted: readonly string[];
}

/**
 * Both revisions' units of the given files. A stack file on both sides is first cut down to its
 * blocks that differ (the rest would parse to equal units). A Kubernetes object in a file its
 * folder's kustomization.yaml does not list is left out: Argo CD builds the folder with Kustomize and
 * never applies it, so on that side it is not part of the estate.
 */
export async function readSides(base: RevisionFiles, head: RevisionFiles, paths: readonly string[]): Promise<BothSides> {
  const before = new Map(base.read(paths.filter((p) => base.blobs.has(p))));
  const after = new Map(head.read(paths.filter((p) => head.blobs.has(p))));
  for (const path of paths) {
    const [b, a] = [before.get(path), after.get(path)];
    if (b === undefined || a === undefined || distFileRole(path).kind !== 'terraform') continue;
    const cut = differingBlocks(b, a);
    if (cut === undefined) continue;
    before.set(path, cut.base);
    after.set(path, cut.head);
  }
  const [baseUnits, headUnits] = await Promise.all([revisionUnits(before), revisionUnits(after)]);
  const baseApplied = appliedOnly(baseUnits.units, base);
  const headApplied = appliedOnly(headUnits.units, head);
  return { base: { ...baseUnits, units: baseApplied.units }, head: { ...headUnits, units: headApplied.units }, unlisted: headApplied.unlisted };
}

function appliedOnly(units: readonly EstateUnit[], side: RevisionFiles): { units: EstateUnit[]; unlisted: string[] } {
  const listed = new Map<string, ReadonlySet<string> | undefined>();
  const listedIn = (folder: string): ReadonlySet<string> | undefined => {
    if (!listed.has(folder)) {
      const path = `${folder}/kustomization.yaml`;
      const text = side.blobs.has(path) ? side.read([path]).get(path) : undefined;
      listed.set(folder, text === undefined ? undefined : new Set(kustomizationResources(path, text)));
    }
    return listed.get(folder);
  };
  const unlisted = new Set<string>();
  const kept = units.filter((unit) => {
    if (unit.engine !== 'kubernetes' || unit.kind === 'Kustomization') return true;
    const folder = unit.file.slice(0, unit.file.lastIndexOf('/'));
    const resources = listedIn(folder);
    if (resources === undefined || resources.has(unit.file.slice(folder.length + 1))) return true;
    unlisted.add(unit.file);
    return false;
  });
  return { units: kept, unlisted: [...unlisted].sort() };
}
