import * as nodeFs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PATCH_LIMIT, patchesChange } from '../../apps/synth/output-patch';
import { type OutputFileSystem, workFolderOf, writeOutputAtomically } from '../../apps/synth/output-tree';
import { readTree, writeTree } from '../support/file-tree';

/** An output of 40 files in two environments: a change of one to four files is patched. */
function largeTree(): Record<string, string> {
  const tree: Record<string, string> = {};
  for (let i = 0; i < 20; i++) {
    tree[`k8s/dev/object-${i}.yaml`] = `dev ${i}\n`;
    tree[`k8s/prod/object-${i}.yaml`] = `prod ${i}\n`;
  }
  tree['k8s/dev/lonely/only.yaml'] = 'only\n';
  return tree;
}

/** The synthesized files: two changed, one added in a new folder, `lonely/only.yaml` no longer produced. */
function change(tree: Record<string, string>): Map<string, string> {
  const files = new Map(Object.entries(tree).filter(([path]) => path.startsWith('k8s/dev/') && !path.includes('lonely')));
  files.set('k8s/dev/object-3.yaml', 'dev 3, changed\n');
  files.set('k8s/dev/object-7.yaml', 'dev 7, changed\n');
  files.set('k8s/dev/new-folder/added.yaml', 'added\n');
  return files;
}

describe('patchesChange', () => {
  it(`patches a change of at most ${PATCH_LIMIT} files and a tenth of the output, and swaps a larger one`, () => {
    expect([patchesChange(4, 41), patchesChange(5, 41), patchesChange(PATCH_LIMIT, 100_000), patchesChange(PATCH_LIMIT + 1, 100_000)]).toEqual([true, false, true, false]);
  });
});

describe('writeOutputAtomically patching a few files', () => {
  let out: string;
  let tree: Record<string, string>;
  beforeEach(() => {
    out = join(mkdtempSync(join(tmpdir(), 'gitops-cdk-patch-')), 'dist');
    tree = largeTree();
    writeTree(out, tree);
  });

  it('replaces the changed files in place, removes the stale one and its empty folder, and leaves nothing behind', () => {
    const folder = statSync(out).ino;
    const untouched = statSync(join(out, 'k8s/dev/object-1.yaml')).ino;
    const report = writeOutputAtomically(out, change(tree), ['k8s/dev']);
    expect(report).toMatchObject({ written: 3, removed: 1, upToDate: false });
    const expected: Record<string, string> = {
      ...tree,
      'k8s/dev/object-3.yaml': 'dev 3, changed\n',
      'k8s/dev/object-7.yaml': 'dev 7, changed\n',
      'k8s/dev/new-folder/added.yaml': 'added\n',
    };
    delete expected['k8s/dev/lonely/only.yaml'];
    expect(readTree(out)).toEqual(expected);
    // Patched, not swapped: the folder itself and every unchanged file are the same on disk.
    expect(statSync(out).ino).toBe(folder);
    expect(statSync(join(out, 'k8s/dev/object-1.yaml')).ino).toBe(untouched);
    expect(existsSync(join(out, 'k8s/dev/lonely'))).toBe(false);
    expect(existsSync(workFolderOf(out))).toBe(false);
  });

  it.each([1, 2, 3])('puts everything back when the rename of file %i fails, and says nothing was written', (failing) => {
    let renames = 0;
    const fs: OutputFileSystem = {
      ...nodeFs,
      renameSync: (from, to) => {
        // The journal's rename comes first; then one rename per written file.
        if (!from.endsWith('journal.json.tmp')) renames += 1;
        if (renames === failing && !from.includes('backup')) throw new Error(`rename ${failing} failed`);
        nodeFs.renameSync(from, to);
      },
    };
    expect(() => writeOutputAtomically(out, change(tree), ['k8s/dev'], { fs })).toThrow(`nothing was written: rename ${failing} failed`);
    expect(readTree(out)).toEqual(tree);
    expect(existsSync(join(out, 'k8s/dev/new-folder'))).toBe(false);
    expect(existsSync(workFolderOf(out))).toBe(false);
  });

  it('rolls back a patch a killed synth left with its journal, and removes one killed before it wrote the journal', () => {
    const work = workFolderOf(out);
    // A patch that was applied half way by a process that no longer exists: its journal and backups.
    const patch = join(work, 'patch-999999999');
    writeTree(join(patch, 'backup'), { 'k8s/dev/object-3.yaml': tree['k8s/dev/object-3.yaml'] ?? '' });
    writeTree(patch, {
      'journal.json': JSON.stringify({
        written: ['k8s/dev/object-3.yaml', 'k8s/dev/new-folder/added.yaml'],
        added: ['k8s/dev/new-folder/added.yaml'],
        removed: [],
        createdFolders: ['k8s/dev/new-folder'],
      }),
    });
    writeTree(out, { 'k8s/dev/object-3.yaml': 'half way\n', 'k8s/dev/new-folder/added.yaml': 'added\n' });
    const unstarted = join(work, 'patch-999999998');
    writeTree(join(unstarted, 'staged'), { 'k8s/dev/object-5.yaml': 'never applied\n' });

    const report = writeOutputAtomically(out, new Map(Object.entries(tree).filter(([path]) => path.startsWith('k8s/dev/'))), ['k8s/dev']);
    expect(report.recovered).toEqual([
      expect.stringMatching(/^removed .*patch-999999998\/, left by a synth that was killed before it finished$/),
      expect.stringMatching(/^rolled .*dist\/ back to what it was before a synth that was killed while replacing its files \(.*patch-999999999\/\)$/),
    ]);
    expect(report.upToDate).toBe(true);
    expect(readTree(out)).toEqual(tree);
    expect(existsSync(work) ? readdirSync(work) : []).toEqual([]);
  });

  it('keeps the undo log when putting the old files back fails too, says so, and the next write finishes it', () => {
    let renames = 0;
    const fs: OutputFileSystem = {
      ...nodeFs,
      renameSync: (from, to) => {
        if (from.includes('staged') && ++renames === 2) throw new Error('disk full');
        if (from.includes('backup') && renames === 2) throw new Error('disk gone');
        nodeFs.renameSync(from, to);
      },
    };
    expect(() => writeOutputAtomically(out, change(tree), ['k8s/dev'], { fs })).toThrow(
      /^writing failed \(disk full\) and so did putting the old files back \(disk gone\); the old files and the journal are kept in .*patch-\d+\/, and the next synth puts them back$/,
    );
    expect(readdirSync(workFolderOf(out)).filter((name) => name.startsWith('patch-'))).toHaveLength(1);
    const report = writeOutputAtomically(out, new Map(Object.entries(tree).filter(([path]) => path.startsWith('k8s/dev/'))), ['k8s/dev']);
    expect(report.recovered).toEqual([expect.stringMatching(/^rolled .*dist\/ back to what it was/)]);
    expect(readTree(out)).toEqual(tree);
    expect(existsSync(workFolderOf(out))).toBe(false);
  });

  it('never removes a file a rollback already put back (a rollback killed half way runs again)', () => {
    const patch = join(workFolderOf(out), 'patch-999999999');
    // object-3 was put back already (its backup is gone); added.yaml was added by the patch.
    writeTree(patch, {
      'journal.json': JSON.stringify({
        written: ['k8s/dev/object-3.yaml', 'k8s/dev/new-folder/added.yaml'],
        added: ['k8s/dev/new-folder/added.yaml'],
        removed: [],
        createdFolders: ['k8s/dev/new-folder'],
      }),
    });
    writeTree(out, { 'k8s/dev/new-folder/added.yaml': 'added\n' });
    writeOutputAtomically(out, new Map(Object.entries(tree).filter(([path]) => path.startsWith('k8s/dev/'))), ['k8s/dev']);
    expect(readTree(out)).toEqual(tree);
  });

  it('leaves a file that becomes a folder to the swap', () => {
    const files = new Map(Object.entries(tree).filter(([path]) => path.startsWith('k8s/dev/')));
    files.delete('k8s/dev/object-3.yaml');
    files.set('k8s/dev/object-3.yaml/inside.yaml', 'inside\n');
    const folder = statSync(out).ino;
    writeOutputAtomically(out, files, ['k8s/dev']);
    expect(readTree(out)['k8s/dev/object-3.yaml/inside.yaml']).toBe('inside\n');
    expect(statSync(out).ino).not.toBe(folder);
  });
});

describe('two synths writing one output', () => {
  it('refuses the second while the first holds the lock, writing nothing, and takes over the lock of a process that is gone', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gitops-cdk-lock-')), 'dist');
    const tree = largeTree();
    writeTree(out, tree);
    // This test's parent process is alive: its lock is held.
    writeTree(workFolderOf(out), { lock: String(process.ppid) });
    expect(() => writeOutputAtomically(out, change(tree), ['k8s/dev'])).toThrow(
      `nothing was written: another synth (process ${process.ppid}) is writing ${out}/; run again when it has finished`,
    );
    expect(readTree(out)).toEqual(tree);
    writeTree(workFolderOf(out), { lock: '999999999' });
    expect(writeOutputAtomically(out, change(tree), ['k8s/dev']).written).toBe(3);
    expect(existsSync(workFolderOf(out))).toBe(false);
  });
});
