import * as nodeFs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  diffOutput,
  type OutputFileSystem,
  OutputNotWrittenError,
  OutputSwapError,
  recoverInterruptedWrite,
  workFolderOf,
  writeOutputAtomically,
} from '../../apps/synth/output-tree';
import { readTree, writeTree } from '../support/file-tree';

/** node:fs, except that the `failAt`-th call of `op` (1-based) throws. */
function failing(op: 'renameSync' | 'rmSync', failAt: number): OutputFileSystem {
  let calls = 0;
  const fail = (): void => {
    calls += 1;
    if (calls === failAt) throw new Error(`EACCES: permission denied (injected ${op} #${failAt})`);
  };
  return {
    renameSync: (from, to) => {
      if (op === 'renameSync') fail();
      nodeFs.renameSync(from, to);
    },
    rmSync: (path, options) => {
      if (op === 'rmSync') fail();
      nodeFs.rmSync(path, options);
    },
    linkSync: nodeFs.linkSync,
  };
}

describe('writeOutputAtomically', () => {
  let parent: string;
  let out: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'gitops-cdk-out-'));
    out = join(parent, 'dist');
    writeTree(out, { 'k8s/dev/a.yaml': 'old dev', 'k8s/prod/a.yaml': 'old prod', 'k8s/dev/stale.yaml': 'stale' });
  });

  it('replaces the owned subtrees, removes stale files in them and keeps the others byte for byte', () => {
    writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new dev']]), ['k8s/dev']);
    expect(readTree(out)).toEqual({ 'k8s/dev/a.yaml': 'new dev', 'k8s/prod/a.yaml': 'old prod' });
  });

  it('creates the output folder when it does not exist yet', () => {
    const fresh = join(parent, 'nested', 'out');
    writeOutputAtomically(fresh, new Map([['k8s/dev/a.yaml', 'x']]), ['k8s/dev']);
    expect(readTree(fresh)).toEqual({ 'k8s/dev/a.yaml': 'x' });
  });

  it('fails without touching the output folder when a file cannot be written, and leaves no temporary folder', () => {
    const before = readTree(out);
    // A path that is both a file and a folder cannot be written: the write fails half way.
    const files = new Map([
      ['k8s/dev/a.yaml', 'new'],
      ['k8s/dev/a.yaml/b.yaml', 'impossible'],
    ]);
    expect(() => writeOutputAtomically(out, files, ['k8s/dev'])).toThrow();
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('leaves nothing beside the output folder after a successful write', () => {
    writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new dev']]), ['k8s/dev']);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('fails with nothing written and nothing beside it when the old tree cannot be moved away', () => {
    const before = readTree(out);
    const write = (): unknown => writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new']]), ['k8s/dev'], { fs: failing('renameSync', 1) });
    expect(write).toThrow(OutputNotWrittenError);
    expect(write).toThrow(/^nothing was written: EACCES/);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('rolls the first rename back when the new tree cannot be moved in: the old tree is in place, nothing beside it', () => {
    const before = readTree(out);
    const write = (): unknown => writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new']]), ['k8s/dev'], { fs: failing('renameSync', 2) });
    expect(write).toThrow(OutputNotWrittenError);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('says where the old tree is when the rollback fails too, and the next write moves it back first', () => {
    const before = readTree(out);
    const fs: OutputFileSystem = {
      renameSync: (from, to) => {
        if (from.includes('.synth-dist') || to === out) throw new Error('EIO: injected');
        renameSync(from, to);
      },
      rmSync: nodeFs.rmSync,
      linkSync: nodeFs.linkSync,
    };
    expect(() => writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new']]), ['k8s/dev'], { fs })).toThrow(OutputSwapError);
    expect(existsSync(out)).toBe(false);
    // Recovery happens without writing anything new: the previous tree is back, the work folder gone.
    expect(recoverInterruptedWrite(out)).toContainEqual(expect.stringMatching(/^restored .*dist\/ from .*\.synth-dist\/old-\d+\/, left by a synth that was killed/));
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('reports the new tree as written when only the removal of the old one fails, keeping the leftover in the ignored work folder', () => {
    const report = writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new dev']]), ['k8s/dev'], { fs: failing('rmSync', 1) });
    expect(readTree(out)).toEqual({ 'k8s/dev/a.yaml': 'new dev', 'k8s/prod/a.yaml': 'old prod' });
    expect(report.warnings).toEqual([expect.stringMatching(/was written, but its previous tree could not be removed .*git ignores/)]);
    expect(readFileSync(join(workFolderOf(out), '.gitignore'), 'utf8')).toMatch(/^\*$/m);
    // The next write removes the leftover and says so.
    const next = writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'newer']]), ['k8s/dev']);
    expect(next.recovered).toEqual([expect.stringMatching(/^removed .*\.synth-dist\/old-\d+\/, left by a synth that was killed before it finished$/)]);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('removes the sibling folders that earlier versions of synth left (dist.synth-new-<pid>, dist.synth-old-<pid>)', () => {
    writeTree(join(parent, 'dist.synth-new-999999'), { 'k8s/dev/a.yaml': 'half' });
    writeTree(join(parent, 'dist.synth-old-999998'), { 'k8s/dev/a.yaml': 'older' });
    const report = writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new dev']]), ['k8s/dev']);
    expect(report.recovered).toHaveLength(2);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(readTree(out)['k8s/dev/a.yaml']).toBe('new dev');
  });

  it('leaves the folders of a write that is still running alone', () => {
    writeTree(join(workFolderOf(out), `new-${process.ppid}`), { 'k8s/dev/a.yaml': 'in progress' });
    expect(recoverInterruptedWrite(out)).toEqual([]);
    expect(existsSync(join(workFolderOf(out), `new-${process.ppid}`))).toBe(true);
  });
});

describe('diffOutput', () => {
  it('lists added, removed and changed files within the owned subtrees only', () => {
    const out = mkdtempSync(join(tmpdir(), 'gitops-cdk-diff-'));
    writeTree(out, { 'k8s/dev/same.yaml': 's', 'k8s/dev/changed.yaml': 'old', 'k8s/dev/removed.yaml': 'r', 'k8s/prod/other.yaml': 'o' });
    const files = new Map([
      ['k8s/dev/same.yaml', 's'],
      ['k8s/dev/changed.yaml', 'new'],
      ['k8s/dev/added.yaml', 'a'],
    ]);
    expect(diffOutput(out, files, ['k8s/dev'])).toEqual([
      { path: 'k8s/dev/added.yaml', change: 'added' },
      { path: 'k8s/dev/changed.yaml', change: 'changed' },
      { path: 'k8s/dev/removed.yaml', change: 'removed' },
    ]);
  });

  it('reports nothing when the folder equals the synthesized files', () => {
    const out = mkdtempSync(join(tmpdir(), 'gitops-cdk-diff-'));
    writeTree(out, { 'k8s/dev/a.yaml': 'a' });
    expect(diffOutput(out, new Map([['k8s/dev/a.yaml', 'a']]), ['k8s/dev'])).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
