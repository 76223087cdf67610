import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '../../apps/synth/output-tree';

/** Writes `files` (relative path → content) below `root`, creating folders as needed. */
export function writeTree(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Every file below `root` with its content, keyed by relative path: what a test compares trees by. */
export function readTree(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}
