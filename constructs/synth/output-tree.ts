import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Every file below `root`, as `/`-separated paths relative to `root`, sorted. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

function isUnder(path: string, dirs: readonly string[]): boolean {
  return dirs.some((dir) => path === dir || path.startsWith(`${dir}/`));
}

/** A file that differs between the synthesized set and what is on disk. */
export interface FileDifference {
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
}

/**
 * Compares synthesized files (paths relative to `outDir`) with `outDir` on disk, within the
 * subtrees the synth owns. Reads only.
 */
export function diffOutput(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): FileDifference[] {
  const onDisk = listFiles(outDir).filter((p) => isUnder(p, ownedDirs));
  const differences: FileDifference[] = [];
  for (const path of onDisk) {
    const wanted = files.get(path);
    if (wanted === undefined) differences.push({ path, change: 'removed' });
    else if (readFileSync(join(outDir, path), 'utf8') !== wanted) differences.push({ path, change: 'changed' });
  }
  const present = new Set(onDisk);
  for (const path of files.keys()) if (!present.has(path)) differences.push({ path, change: 'added' });
  return differences.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Replaces the owned subtrees of `outDir` with `files`, atomically: the new tree is built in a
 * sibling folder (same filesystem) and swapped in with renames only once it is complete. Any
 * failure before the swap leaves `outDir` exactly as it was. Files outside the owned subtrees
 * (another environment's, on `--env`) are carried over unchanged.
 */
export function writeOutputAtomically(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[]): void {
  const staging = `${outDir}.synth-new-${process.pid}`;
  const previous = `${outDir}.synth-old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    if (existsSync(outDir)) {
      for (const path of listFiles(outDir).filter((p) => !isUnder(p, ownedDirs))) {
        mkdirSync(dirname(join(staging, path)), { recursive: true });
        cpSync(join(outDir, path), join(staging, path));
      }
    }
    for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
      mkdirSync(dirname(join(staging, path)), { recursive: true });
      writeFileSync(join(staging, path), content);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(outDir) && statSync(outDir).isDirectory()) {
    renameSync(outDir, previous);
    renameSync(staging, outDir);
    rmSync(previous, { recursive: true, force: true });
  } else {
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(staging, outDir);
  }
}
