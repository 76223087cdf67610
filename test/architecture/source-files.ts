import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders a source walk never enters: installed packages, build output, synthesized trees. */
const NOT_SOURCE = new Set(['node_modules', 'dist', 'cdk8s.out', 'cdktf.out', 'coverage']);

/** Every `.ts` file below `root`'s `folders`, as `/`-separated paths relative to `root`, sorted. */
export function typeScriptFiles(root: string, folders: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!NOT_SOURCE.has(entry.name) && !entry.name.startsWith('.')) walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith('.ts')) {
        found.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  for (const folder of folders) {
    try {
      walk(join(root, folder));
    } catch (error) {
      // A folder that does not exist has no files; anything else is a real failure.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return found.sort();
}
