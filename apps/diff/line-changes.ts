/**
 * Lines only in `after` and only in `before`, as multisets: a reordered file has none. Cheap
 * (linear), which is what a summary of a generated file needs; not a patch.
 */
export function lineChanges(before: string, after: string): { readonly added: number; readonly removed: number } {
  const counts = new Map<string, number>();
  for (const line of before.split('\n')) counts.set(line, (counts.get(line) ?? 0) + 1);
  let added = 0;
  for (const line of after.split('\n')) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added++;
  }
  let removed = 0;
  for (const left of counts.values()) removed += left;
  return { added, removed };
}
