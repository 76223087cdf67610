import { compareText } from '../../constructs/rules/result';
import { compareUnits } from './compare-units';
import { componentOf, type EstateUnit } from './estate-unit';
import { pairMoves } from './moves';
import type { DeclaredMove } from './read/terraform-units';
import type { UnitChange } from './unit-change';

const ENGINE_ORDER: readonly EstateUnit['engine'][] = ['environment', 'kubernetes', 'terraform', 'compliance'];

/**
 * The changes between two revisions' units: units of one key compared, the removed and added ones
 * paired into moves where they are one unit moved, the rest removed or added. Sorted by environment,
 * engine, component (folder or stack) and key. `duplicates` names keys a side holds twice (the second
 * is compared as if it were not there), which the reader is told of.
 */
export function unitChanges(
  baseUnits: readonly EstateUnit[],
  headUnits: readonly EstateUnit[],
  headMoves: ReadonlyMap<string, readonly DeclaredMove[]>,
): { changes: UnitChange[]; duplicates: string[] } {
  const duplicates: string[] = [];
  const index = (units: readonly EstateUnit[]): Map<string, EstateUnit> => {
    const byId = new Map<string, EstateUnit>();
    for (const unit of units) {
      const id = `${unit.environment}\u0000${unit.engine}\u0000${unit.key}`;
      if (byId.has(id)) duplicates.push(`${unit.environment}: ${unit.key} (${unit.file})`);
      else byId.set(id, unit);
    }
    return byId;
  };
  const baseById = index(baseUnits);
  const headById = index(headUnits);
  const changes: UnitChange[] = [];
  const removed: EstateUnit[] = [];
  const added: EstateUnit[] = [];
  for (const [id, unit] of baseById) {
    const other = headById.get(id);
    if (other === undefined) removed.push(unit);
    else {
      const change = compareUnits(unit, other);
      if (change !== undefined) changes.push(change);
    }
  }
  for (const [id, unit] of headById) if (!baseById.has(id)) added.push(unit);
  const pairs = pairMoves(removed, added, headMoves);
  const paired = new Set(pairs.flatMap((p) => [p.base, p.head]));
  for (const pair of pairs) {
    const change = compareUnits(pair.base, pair.head);
    if (change !== undefined) changes.push(pair.declared ? { ...change, declaredMove: true } : change);
  }
  for (const unit of removed) if (!paired.has(unit)) changes.push({ kind: 'removed', environment: unit.environment, base: unit, fields: [] });
  for (const unit of added) if (!paired.has(unit)) changes.push({ kind: 'added', environment: unit.environment, head: unit, fields: [] });
  return { changes: changes.sort(compareChanges), duplicates: [...new Set(duplicates)].sort(compareText) };
}

function compareChanges(a: UnitChange, b: UnitChange): number {
  const ua = a.head ?? a.base;
  const ub = b.head ?? b.base;
  if (ua === undefined || ub === undefined) return 0;
  return (
    compareText(a.environment, b.environment) ||
    ENGINE_ORDER.indexOf(ua.engine) - ENGINE_ORDER.indexOf(ub.engine) ||
    compareText(componentOf(ua), componentOf(ub)) ||
    compareText(ua.key, ub.key) ||
    compareText(ua.file, ub.file)
  );
}
