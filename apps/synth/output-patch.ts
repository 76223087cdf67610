import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFileSystem } from './output-tree';

/**
 * A write that changes a few files of a large output replaces them in place, one rename each,
 * instead of building a whole new tree of links and swapping it in: at 5,000 files, making the
 * folders and links of the new tree and removing the old one costs most of an incremental synth.
 * It stays all or nothing through an undo log in the work folder (`patch-<pid>/`):
 *
 * 1. each new content is written under `staged/`; each file it replaces or removes is kept under
 *    `backup/` (a hard link: the old file, not a copy);
 * 2. `journal.json` names every path and every folder the write creates, and is renamed into place:
 *    from then on an interruption is rolled back;
 * 3. the staged files are renamed over the output's, the removed ones unlinked, and folders left
 *    empty removed;
 * 4. `journal.json` is removed (the write is done), then the rest of the patch folder.
 *
 * A failure during step 3 rolls back at once; a kill is rolled back by the next synth
 * (`recoverInterruptedPatch`): the backups are renamed back, the added files removed, the created
 * folders removed. Either way the output is exactly as it was.
 */

/** A change of at most this many files, and at most a tenth of the output, is patched; a larger one is swapped. */
export const PATCH_LIMIT = 500;

/** The paths a patch changes, relative to the output folder, and the folders it creates (shallowest first). */
interface Journal {
  readonly written: readonly string[];
  /** Written paths no file held before: the only ones a rollback removes (a rollback may run twice). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly createdFolders: readonly string[];
}

/**
 * A rollback that failed half way: the patch folder (journal and backups) is kept, so the next
 * synth finishes it. The output is not as it was until then.
 */
export class PatchRollbackError extends Error {
  constructor(write: unknown, rollback: unknown, patch: string) {
    super(
      `writing failed (${messageOf(write)}) and so did putting the old files back (${messageOf(rollback)}); ` +
        `the old files and the journal are kept in ${patch}/, and the next synth puts them back`,
    );
    this.name = 'PatchRollbackError';
  }
}

/** An error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether a patch can write `written` into `outDir`: not when a path to write is a folder there, or
 * runs through a file (a file that becomes a folder or the reverse is left to the swap).
 */
export function patchable(outDir: string, written: readonly (readonly [string, string])[]): boolean {
  return written.every(([path]) => {
    if (isFolder(join(outDir, path))) return false;
    for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
      const at = join(outDir, folder);
      if (existsSync(at)) return isFolder(at);
    }
    return true;
  });
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a change of `changed` files of an output of `total` files is patched rather than swapped. */
export function patchesChange(changed: number, total: number): boolean {
  return changed <= PATCH_LIMIT && changed * 10 <= total;
}

/** Test-only hook (see pauseInSwapForTests in output-tree.ts): stop after the first file is replaced. */
function pauseInPatchForTests(): void {
  if (process.env.GITOPS_CDK_TEST_PAUSE_IN_SWAP !== '1') return;
  writeSync(2, 'paused in patch\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/**
 * Replaces the files `written` and removes the files `removed` of `outDir` (paths relative to it),
 * all or nothing, through the patch folder `patch` (in the work folder). Throws when it failed,
 * after putting everything back.
 */
export function patchOutput(outDir: string, patch: string, written: readonly (readonly [string, string])[], removed: readonly string[], fs: OutputFileSystem): void {
  const staged = join(patch, 'staged');
  const backup = join(patch, 'backup');
  const createdFolders = new Set<string>();
  const added: string[] = [];
  for (const [path, content] of written) {
    mkdirSync(dirname(join(staged, path)), { recursive: true });
    writeFileSync(join(staged, path), content);
    if (existsSync(join(outDir, path))) keep(join(outDir, path), join(backup, path), fs);
    else added.push(path);
    for (let folder = dirname(path); folder !== '.' && !existsSync(join(outDir, folder)); folder = dirname(folder)) createdFolders.add(folder);
  }
  for (const path of removed) keep(join(outDir, path), join(backup, path), fs);
  const journal: Journal = { written: written.map(([path]) => path), added, removed, createdFolders: [...createdFolders].sort((a, b) => a.length - b.length) };
  // On disk before it is in place (a power loss must not leave an empty journal behind).
  const descriptor = openSync(join(patch, 'journal.json.tmp'), 'w');
  try {
    writeSync(descriptor, JSON.stringify(journal));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  fs.renameSync(join(patch, 'journal.json.tmp'), join(patch, 'journal.json'));
  try {
    for (const folder of journal.createdFolders) mkdirSync(join(outDir, folder), { recursive: true });
    journal.written.forEach((path, i) => {
      fs.renameSync(join(staged, path), join(outDir, path));
      if (i === 0) pauseInPatchForTests();
    });
    for (const path of removed) unlinkSync(join(outDir, path));
    for (const path of removed) removeEmptyFolders(outDir, dirname(path));
  } catch (error) {
    try {
      rollBack(outDir, patch, journal, fs);
    } catch (rollback) {
      throw new PatchRollbackError(error, rollback, patch);
    }
    throw error;
  }
  unlinkSync(join(patch, 'journal.json'));
  fs.rmSync(patch, { recursive: true, force: true });
}

/**
 * Rolls back the patch a killed synth left in `patch` (its journal written: some files may be
 * replaced), or removes it when the journal was never written (nothing was). Returns what it did.
 */
export function recoverInterruptedPatch(outDir: string, patch: string, fs: OutputFileSystem): 'rolled back' | 'removed' {
  const journalFile = join(patch, 'journal.json');
  if (!existsSync(journalFile)) {
    fs.rmSync(patch, { recursive: true, force: true });
    return 'removed';
  }
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  } catch (error) {
    throw new Error(
      `${journalFile} cannot be read (${messageOf(error)}): a synth was interrupted while it replaced files of ${outDir}/ and its undo log is damaged; ` +
        `restore ${outDir}/ from git (git checkout -- ${outDir} && git clean -fd ${outDir}), then remove ${patch}/`,
    );
  }
  rollBack(outDir, patch, journal, fs);
  return 'rolled back';
}

/**
 * Puts back every file the journal names from its backup, removes the files it added and the
 * folders it created, then the patch folder. Safe to run again after it was interrupted: a file
 * whose backup is gone was put back already, and only added files are removed.
 */
function rollBack(outDir: string, patch: string, journal: Journal, fs: OutputFileSystem): void {
  const backup = join(patch, 'backup');
  const added = new Set(journal.added ?? []);
  for (const path of [...journal.written, ...journal.removed]) {
    const kept = join(backup, path);
    if (existsSync(kept)) {
      mkdirSync(dirname(join(outDir, path)), { recursive: true });
      fs.renameSync(kept, join(outDir, path));
    } else if (added.has(path)) fs.rmSync(join(outDir, path), { recursive: false, force: true });
  }
  for (const folder of [...journal.createdFolders].reverse()) removeEmptyFolders(outDir, folder);
  fs.rmSync(patch, { recursive: true, force: true });
}

/** Keeps the file at `from` under `to` as a hard link (a copy where no link can be made). */
function keep(from: string, to: string, fs: OutputFileSystem): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    writeFileSync(to, readFileSync(from));
  }
}

/** Removes `folder` (relative to `outDir`) and the folders above it while they are empty. */
function removeEmptyFolders(outDir: string, folder: string): void {
  for (let at = folder; at !== '.' && at !== ''; at = dirname(at)) {
    const path = join(outDir, at);
    if (!existsSync(path) || readdirSync(path).length > 0) return;
    rmdirSync(path);
  }
}
