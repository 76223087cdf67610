import { compareText } from './result';
import type { RuleControls } from './spec-rule';

/** The frameworks of the report, in column order, with the key of their controls in `RuleControls`. */
export const FRAMEWORKS: readonly { readonly key: keyof RuleControls; readonly name: string }[] = [
  { key: 'soc2', name: 'SOC 2' },
  { key: 'pciDss', name: 'PCI DSS v4.0' },
  { key: 'iso27001', name: 'ISO 27001:2022' },
  { key: 'gdpr', name: 'GDPR' },
];

/** Whether two results map to the same controls: the same object (a rule's results share it) or equal lists. */
export function sameControls(a: RuleControls, b: RuleControls): boolean {
  return a === b || FRAMEWORKS.every(({ key }) => sameList(a[key], b[key]));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((control, i) => control === b[i]);
}

/**
 * Natural order of control ids (`A.8.2` before `A.8.15`, `Art. 5(1)(f)` before `Art. 25`),
 * independent of locale.
 */
export function compareNatural(a: string, b: string): number {
  const parts = (s: string): (string | number)[] => s.split(/(\d+)/).map((p, i) => (i % 2 === 1 ? Number(p) : p));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareText(String(x), String(y));
    if (order !== 0) return order;
  }
  return 0;
}
