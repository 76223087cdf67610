import * as nodeFs from 'node:fs';
import { accessSync, constants, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { removeStaleLock, withOutputLock } from './output-lock';
import { messageOf, PatchRollbackError, patchable, patchesChange, patchOutput, recoverInterruptedPatch } from './output-patch';

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
 * The folder beside the output where a write stages its trees: `<parent>/.synth-<name>/` (for
 * `dist/`: `.synth-dist/`). It holds a `.gitignore` of `*`, so git ignores it wherever the output
 * lives (`git add -A` never picks up a tree left by a killed synth), and the repository's
 * `.gitignore` lists `.synth-*` as well. It exists only while a write runs, or after one was killed;
 * the next write recovers from it and removes it.
 */
export function workFolderOf(outDir: string): string {
  return join(dirname(outDir), `.synth-${basename(outDir)}`);
}

/** The file operations of a write, replaceable in tests to fail at a chosen step. */
export interface OutputFileSystem {
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (path: string, options: { recursive: boolean; force: boolean }) => void;
  readonly linkSync: (existing: string, newPath: string) => void;
}

export interface WriteOutputOptions {
  /** @default node:fs */
  readonly fs?: OutputFileSystem;
}

/** What a write changed in the owned subtrees, the leftovers of an interrupted write it recovered, warnings. */
export interface WriteOutputReport {
  /** One sentence per leftover of a killed write that was restored or removed first. */
  readonly recovered: readonly string[];
  /** Written, but something beside it could not be cleaned up (inside the ignored work folder). */
  readonly warnings: readonly string[];
  /** Synthesized files that were new or differed from the file on disk: the only ones written. */
  readonly written: number;
  /** Synthesized files equal to the file on disk: carried into the new tree as hard links, not rewritten. */
  readonly unchanged: number;
  /** Files of the owned subtrees that the synth no longer produces. */
  readonly removed: number;
  /** Nothing was written, added or removed: the output folder was left as it was, without a swap. */
  readonly upToDate: boolean;
}

/** The write failed and the output folder is exactly as it was: nothing was written. */
export class OutputNotWrittenError extends Error {
  constructor(message: string) {
    super(`nothing was written: ${message}`);
    this.name = 'OutputNotWrittenError';
  }
}

/**
 * The write failed and could not be undone: the swap left the output folder missing, or a patch
 * could not put every old file back. The message says where the old files are kept; the next synth
 * puts them back.
 */
export class OutputSwapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputSwapError';
  }
}

/** Whether another write may still be using its folders. Our own pid's are from an earlier, finished write. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts things right after a write that was killed half way (SIGKILL, power loss): a patch is
 * rolled back (output-patch.ts); a staged tree is removed; a previous tree is moved back when the
 * output folder is missing (killed between the two renames of the swap), else removed. Also recovers the sibling folders `<out>.synth-new-<pid>` and
 * `<out>.synth-old-<pid>` that writes before the work folder existed left. Folders of a write still
 * running (its process is alive) are left alone.
 */
export function recoverInterruptedWrite(outDir: string, fs: OutputFileSystem = nodeFs): string[] {
  const work = workFolderOf(outDir);
  const parent = dirname(outDir);
  const legacyPrefix = `${basename(outDir)}.synth-`;
  const leftovers: { path: string; kind: 'new' | 'old'; pid: number }[] = [];
  const collect = (dir: string, pattern: RegExp): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const match = pattern.exec(name);
      if (match !== null) leftovers.push({ path: join(dir, name), kind: match[1] as 'new' | 'old', pid: Number(match[2]) });
    }
  };
  collect(work, /^(new|old)-(\d+)$/);
  const recovered: string[] = [];
  for (const name of existsSync(work) ? readdirSync(work).sort() : []) {
    const match = /^patch-(\d+)$/.exec(name);
    if (match === null || isAlive(Number(match[1]))) continue;
    const done = recoverInterruptedPatch(outDir, join(work, name), fs);
    recovered.push(
      done === 'rolled back'
        ? `rolled ${shownPath(outDir)}/ back to what it was before a synth that was killed while replacing its files (${shownPath(join(work, name))}/)`
        : `removed ${shownPath(join(work, name))}/, left by a synth that was killed before it finished`,
    );
  }
  collect(parent, new RegExp(`^${legacyPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(new|old)-(\\d+)$`));
  const shown = (path: string): string => shownPath(path);
  // Staged trees first: a previous tree moved back must not meet a half-staged one.
  for (const leftover of leftovers.sort((a, b) => a.kind.localeCompare(b.kind))) {
    if (isAlive(leftover.pid)) continue;
    if (leftover.kind === 'old' && !existsSync(outDir)) {
      fs.renameSync(leftover.path, outDir);
      recovered.push(`restored ${shown(outDir)}/ from ${shown(leftover.path)}/, left by a synth that was killed during its swap`);
    } else {
      fs.rmSync(leftover.path, { recursive: true, force: true });
      recovered.push(`removed ${shown(leftover.path)}/, left by a synth that was killed before it finished`);
    }
  }
  // The lock of a write that was killed (never our own: this write may hold it now).
  removeStaleLock(work, (pid) => pid === process.pid || isAlive(pid));
  removeWorkFolderIfEmpty(work, fs);
  return recovered;
}

/** Removes a write's folder in the work folder, and the work folder if nothing else is in it. */
function discard(path: string, work: string, fs: OutputFileSystem): void {
  try {
    fs.rmSync(path, { recursive: true, force: true });
    removeWorkFolderIfEmpty(work, fs);
  } catch {
    // The work folder is ignored by git, and the next write removes what is left.
  }
}

/** A path as the user typed it: relative to the working directory when inside it. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === '' || inside.startsWith('..') ? path : inside;
}

function removeWorkFolderIfEmpty(work: string, fs: OutputFileSystem): void {
  // Not while a write holds its lock (the folder then holds `lock`): that write removes it when done.
  if (existsSync(work) && readdirSync(work).every((name) => name === '.gitignore')) fs.rmSync(work, { recursive: true, force: true });
}

/**
 * A folder this process could not empty would fail the swap's clean-up after the new tree is in
 * place; check it before anything moves. (As root every folder passes; an injected fs tests the rest.)
 */
function unwritableFolder(outDir: string): string | undefined {
  const walk = (dir: string): string | undefined => {
    try {
      accessSync(dir, constants.W_OK | constants.X_OK);
    } catch {
      return dir;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const found = walk(join(dir, entry.name));
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return walk(outDir);
}

/**
 * Test-only hook, documented in the README: `GITOPS_CDK_TEST_PAUSE_IN_SWAP=1` stops the write between
 * the two renames of the swap (the old tree moved away, the new one not yet in place), says so on
 * stderr and sleeps, so a test can kill the process at the worst moment.
 */
function pauseInSwapForTests(): void {
  if (process.env.GITOPS_CDK_TEST_PAUSE_IN_SWAP !== '1') return;
  writeSync(2, 'paused in swap\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/**
 * Whether `path` is a regular file holding exactly `content`, so the new tree can take it as it is.
 * Sizes are compared first, so only files of the same size are read. An executable file never
 * qualifies: git records the bit, and a file written anew does not have it. A file that cannot be
 * read is written anew, as every file was before unchanged ones were carried over.
 */
function holdsExactly(path: string, content: string): boolean {
  try {
    const stats = lstatSync(path);
    if (!stats.isFile() || (stats.mode & 0o111) !== 0 || stats.size !== Buffer.byteLength(content)) return false;
    return readFileSync(path).equals(Buffer.from(content));
  } catch {
    return false;
  }
}

/** How the new tree is made from the files on disk and the synthesized ones. */
interface WritePlan {
  /** Taken from the old tree as they are: synthesized files equal to the file on disk, and every file outside the owned subtrees. */
  readonly carried: readonly string[];
  /** Synthesized files that are new or differ from the file on disk, sorted by path. */
  readonly written: readonly (readonly [path: string, content: string])[];
  readonly unchanged: number;
  /** Files of the owned subtrees the synth no longer produces. */
  readonly removed: readonly string[];
  /** Files of the output folder now. */
  readonly present: number;
}

function planWrite(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[], exists: boolean): WritePlan {
  const carried: string[] = [];
  let unchanged = 0;
  const removed: string[] = [];
  const present = exists ? listFiles(outDir) : [];
  for (const path of present) {
    const content = files.get(path);
    if (content === undefined && isUnder(path, ownedDirs)) removed.push(path);
    else if (content === undefined) carried.push(path);
    else if (holdsExactly(join(outDir, path), content)) {
      carried.push(path);
      unchanged += 1;
    }
  }
  const kept = new Set(carried);
  const written = [...files].filter(([path]) => !kept.has(path)).sort(([a], [b]) => a.localeCompare(b));
  return { carried, written, unchanged, removed, present: present.length };
}

/**
 * Puts the file at `from` into the new tree at `to` without writing its content again: a hard link
 * names the same file on disk, and removing the old tree after the swap only drops the old name.
 * Nothing writes a file of the output in place (the synth and promote write new files and rename
 * them), so the two names can never tell different stories. Where no link can be made (another
 * filesystem, one without hard links, another user's file under protected_hardlinks) it is copied.
 */
function carry(from: string, to: string, fs: OutputFileSystem): void {
  try {
    fs.linkSync(from, to);
  } catch {
    cpSync(from, to);
  }
}

/** Creates each folder of the new tree once, not once per file (thousands of files share a few hundred folders). */
function folderMaker(root: string): (path: string) => string {
  const made = new Set<string>();
  return (path) => {
    const target = join(root, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    return target;
  };
}

/**
 * Replaces the owned subtrees of `outDir` with `files`, all or nothing: the new tree is built in the
 * work folder beside it (same filesystem, ignored by git) and swapped in with two renames once it is
 * complete. Any failure up to and including the swap leaves `outDir` exactly as it was (the first
 * rename is rolled back when the second fails) and throws `OutputNotWrittenError`; nothing is left
 * beside `outDir`. Leftovers of a killed write are recovered first. Only files that changed are
 * written: the others, and the files outside the owned subtrees (another environment's, on
 * `--env`), are hard links to the old tree's. When nothing changed, nothing is written or swapped.
 * A change of a few files of a large output (`patchesChange`) replaces them in place instead,
 * still all or nothing, through an undo log (output-patch.ts).
 */
export function writeOutputAtomically(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[], options: WriteOutputOptions = {}): WriteOutputReport {
  const fs = options.fs ?? nodeFs;
  const work = workFolderOf(outDir);
  try {
    return withOutputLock(work, outDir, isAlive, () => writeLocked(outDir, files, ownedDirs, fs));
  } finally {
    // Also after a failure: the lock is gone, and a work folder with nothing else in it goes too
    // (with node:fs: the folder is the lock's, not one of the write's operations).
    try {
      removeWorkFolderIfEmpty(work, nodeFs);
    } catch {
      // The work folder is ignored by git, and the next write removes what is left.
    }
  }
}

/** `writeOutputAtomically` once it holds the lock of the work folder. */
function writeLocked(outDir: string, files: ReadonlyMap<string, string>, ownedDirs: readonly string[], fs: OutputFileSystem): WriteOutputReport {
  const recovered = recoverInterruptedWrite(outDir, fs);
  const work = workFolderOf(outDir);
  const staging = join(work, `new-${process.pid}`);
  const previous = join(work, `old-${process.pid}`);
  const exists = existsSync(outDir) && statSync(outDir).isDirectory();
  const plan = planWrite(outDir, files, ownedDirs, exists);
  const counts = { written: plan.written.length, unchanged: plan.unchanged, removed: plan.removed.length };
  if (exists && counts.written === 0 && counts.removed === 0) return { recovered, warnings: [], ...counts, upToDate: true };
  const locked = exists ? unwritableFolder(outDir) : undefined;
  if (locked !== undefined) {
    throw new OutputNotWrittenError(`${shownPath(locked)}/ is not writable, so its old files could not be replaced (fix: give the user running synth write access to it)`);
  }
  if (exists && patchesChange(counts.written + counts.removed, plan.present) && patchable(outDir, plan.written)) {
    const patch = join(work, `patch-${process.pid}`);
    try {
      mkdirSync(patch, { recursive: true });
      patchOutput(outDir, patch, plan.written, plan.removed, fs);
    } catch (error) {
      // Its undo log is kept for the next synth, which finishes putting the old files back.
      if (error instanceof PatchRollbackError) throw new OutputSwapError(error.message);
      discard(patch, work, fs);
      throw new OutputNotWrittenError(messageOf(error));
    }
    return { recovered, warnings: [], ...counts, upToDate: false };
  }
  const abandon = (): void => discard(staging, work, fs);
  try {
    mkdirSync(staging, { recursive: true });
    const staged = folderMaker(staging);
    for (const path of plan.carried) carry(join(outDir, path), staged(path), fs);
    for (const [path, content] of plan.written) writeFileSync(staged(path), content);
    if (!exists) mkdirSync(dirname(outDir), { recursive: true });
    if (exists) fs.renameSync(outDir, previous);
  } catch (error) {
    abandon();
    throw new OutputNotWrittenError(messageOf(error));
  }
  pauseInSwapForTests();
  try {
    fs.renameSync(staging, outDir);
  } catch (error) {
    if (exists) {
      try {
        fs.renameSync(previous, outDir);
      } catch (rollback) {
        throw new OutputSwapError(
          `the swap failed (${messageOf(error)}) and so did putting the old tree back (${messageOf(rollback)}): ` +
            `${outDir}/ is missing, its previous content is in ${previous}/; the next synth moves it back`,
        );
      }
    }
    abandon();
    throw new OutputNotWrittenError(messageOf(error));
  }
  const warnings: string[] = [];
  try {
    fs.rmSync(previous, { recursive: true, force: true });
    removeWorkFolderIfEmpty(work, fs);
  } catch (error) {
    warnings.push(`${outDir}/ was written, but its previous tree could not be removed (${messageOf(error)}); it is in ${work}/, which git ignores, and the next synth removes it`);
  }
  return { recovered, warnings, ...counts, upToDate: false };
}
