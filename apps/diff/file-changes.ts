import { parseAllDocuments } from 'yaml';
import type { FileChange } from './diff-report';
import type { JsonValue } from './estate-unit';
import { fieldDiff } from './field-diff';
import { lineChanges } from './line-changes';
import { distFileRole } from './read/dist-path';
import type { RevisionFiles } from './read/revision-files';

/** The files summarised rather than compared unit by unit, each with its environment when it has one. */
export function fileChanges(base: RevisionFiles, head: RevisionFiles, paths: readonly string[]): (FileChange & { readonly environment?: string })[] {
  const before = base.read(paths.filter((p) => base.blobs.has(p)));
  const after = head.read(paths.filter((p) => head.blobs.has(p)));
  // A file whose lines only moved, or a YAML or JSON file whose content is the same but for the order
  // of keys or items, says nothing new: it is left out.
  return paths.flatMap((file) => {
    const b = before.get(file);
    const a = after.get(file);
    const lines = lineChanges(b ?? '', a ?? '');
    const environment = distFileRole(file).environment;
    if (b !== undefined && a !== undefined && ((lines.added === 0 && lines.removed === 0) || sameDocuments(file, b, a))) return [];
    return {
      file,
      change: b === undefined ? 'added' : a === undefined ? 'removed' : 'changed',
      ...(environment !== undefined ? { environment } : {}),
      linesAdded: a === undefined ? 0 : lines.added,
      linesRemoved: b === undefined ? 0 : lines.removed,
    } as const;
  });
}

function sameDocuments(file: string, before: string, after: string): boolean {
  if (!/\.(ya?ml|json)$/.test(file)) return false;
  const documents = (text: string): JsonValue | undefined => {
    const parsed = parseAllDocuments(text);
    if (parsed.some((d) => d.errors.length > 0)) return undefined;
    return parsed.map((d) => d.toJS() as JsonValue);
  };
  const b = documents(before);
  const a = documents(after);
  return b !== undefined && a !== undefined && fieldDiff(b, a).length === 0;
}
