import type { EstateUnit } from './estate-unit';
import { fieldDiff } from './field-diff';
import type { UnitChange } from './unit-change';

/**
 * The change from `base` to `head` (one of them may be absent: added or removed), or undefined when
 * the unit is unchanged. Two units of different keys, or of one key in different files, are a move:
 * a Kubernetes object that changes file may change the Argo CD Application that owns it.
 */
export function compareUnits<U extends EstateUnit>(base: U | undefined, head: U | undefined): UnitChange<U> | undefined {
  if (base === undefined && head === undefined) return undefined;
  if (base === undefined) return { kind: 'added', environment: (head as U).environment, head, fields: [] };
  if (head === undefined) return { kind: 'removed', environment: base.environment, base, fields: [] };
  const moved = base.key !== head.key || base.file !== head.file;
  const fields = fieldDiff(base.body, head.body);
  // A list reordered, keys reordered: the same document, so no change (the field diff decides).
  if (!moved && fields.length === 0) return undefined;
  return { kind: moved ? 'moved' : 'changed', environment: head.environment, base, head, fields };
}
