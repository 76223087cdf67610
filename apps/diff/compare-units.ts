import { canonicalJson } from './canonical-json';
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
  const moved = base.key !== head.key || base.environment !== head.environment || base.file !== head.file;
  if (!moved && canonicalJson(base.body) === canonicalJson(head.body)) return undefined;
  return { kind: moved ? 'moved' : 'changed', environment: head.environment, base, head, fields: fieldDiff(base.body, head.body) };
}
