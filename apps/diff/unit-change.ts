import type { EstateUnit, JsonValue } from './estate-unit';

/** What happened to a unit between the base and the head revision. */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/**
 * One field that differs. `path` is readable and stable: object keys joined with `.`, list items
 * as `[name=x]` when the list is keyed by a name-like field, else `[i]`. `before` is absent for an
 * added field, `after` for a removed one.
 */
export interface FieldChange {
  readonly path: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
}

/**
 * A unit that differs between the two revisions. `moved`: the same content under another key or
 * file (renamed, moved to another namespace, stack or file); `base` and `head` are then both set
 * and may have different keys.
 */
export interface UnitChange<U extends EstateUnit = EstateUnit> {
  readonly kind: ChangeKind;
  readonly environment: string;
  readonly base?: U;
  readonly head?: U;
  /** Field-level differences of the bodies (empty for a move of identical content). For an added or removed unit, empty. */
  readonly fields: readonly FieldChange[];
  /**
   * Terraform only: the head stack declares this move in a `moved { from, to }` block, so Terraform
   * moves the state instead of destroying and creating the resource.
   */
  readonly declaredMove?: boolean;
}

/** The unit as it is after the change, or as it was if it was removed. */
export function currentUnit<U extends EstateUnit>(change: UnitChange<U>): U {
  const unit = change.head ?? change.base;
  if (unit === undefined) throw new Error('a unit change holds a base or a head unit');
  return unit;
}
