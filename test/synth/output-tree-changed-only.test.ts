import * as nodeFs from 'node:fs';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, type OutputFileSystem, writeOutputAtomically } from '../../apps/synth/output-tree';
import { readTree, writeTree } from '../support/file-tree';

/** The identity and last write of every file and folder below `root`: what a write that writes nothing leaves alone. */
function fingerprint(root: string): Record<string, { ino: number; mtimeMs: number }> {
  const entries: Record<string, { ino: number; mtimeMs: number }> = {};
  const walk = (dir: string, name: string): void => {
    const stats = statSync(dir);
    entries[name] = { ino: stats.ino, mtimeMs: stats.mtimeMs };
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${name}/${entry.name}`);
      else entries[`${name}/${entry.name}`] = { ino: statSync(join(dir, entry.name)).ino, mtimeMs: statSync(join(dir, entry.name)).mtimeMs };
    }
  };
  walk(root, '.');
  return entries;
}

const inode = (path: string): number => statSync(path).ino;

describe('writeOutputAtomically writes only files that changed', () => {
  let parent: string;
  let out: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'gitops-cdk-out-'));
    out = join(parent, 'dist');
    writeTree(out, { 'k8s/dev/same.yaml': 'same', 'k8s/dev/changed.yaml': 'old', 'k8s/dev/stale.yaml': 'stale', 'k8s/prod/other.yaml': 'other' });
  });

  it('keeps the file of an unchanged or foreign path (same inode, no other name left) and writes a changed one', () => {
    const before = { same: inode(join(out, 'k8s/dev/same.yaml')), changed: inode(join(out, 'k8s/dev/changed.yaml')), other: inode(join(out, 'k8s/prod/other.yaml')) };
    const files = new Map([
      ['k8s/dev/same.yaml', 'same'],
      ['k8s/dev/changed.yaml', 'new'],
      ['k8s/dev/added.yaml', 'added'],
    ]);
    const report = writeOutputAtomically(out, files, ['k8s/dev']);
    expect(report).toMatchObject({ written: 2, unchanged: 1, removed: 1, upToDate: false });
    expect(readTree(out)).toEqual({ 'k8s/dev/added.yaml': 'added', 'k8s/dev/changed.yaml': 'new', 'k8s/dev/same.yaml': 'same', 'k8s/prod/other.yaml': 'other' });
    expect(inode(join(out, 'k8s/dev/same.yaml'))).toBe(before.same);
    expect(inode(join(out, 'k8s/prod/other.yaml'))).toBe(before.other);
    expect(inode(join(out, 'k8s/dev/changed.yaml'))).not.toBe(before.changed);
    // The old tree is gone, and with it the second name of every carried file.
    expect(statSync(join(out, 'k8s/dev/same.yaml')).nlink).toBe(1);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('writes nothing and swaps nothing when every file is as synthesized', () => {
    const files = new Map([
      ['k8s/dev/same.yaml', 'same'],
      ['k8s/dev/changed.yaml', 'old'],
      ['k8s/dev/stale.yaml', 'stale'],
    ]);
    const before = fingerprint(out);
    const refuseEverything: OutputFileSystem = {
      renameSync: () => {
        throw new Error('a swap was attempted');
      },
      rmSync: () => {
        throw new Error('a removal was attempted');
      },
      linkSync: () => {
        throw new Error('a link was attempted');
      },
    };
    const report = writeOutputAtomically(out, files, ['k8s/dev'], { fs: refuseEverything });
    expect(report).toEqual({ recovered: [], warnings: [], written: 0, unchanged: 3, removed: 0, upToDate: true });
    expect(fingerprint(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('copies a file it cannot link (another filesystem, no hard links), with the same outcome', () => {
    const attempts: string[] = [];
    const noLinks: OutputFileSystem = {
      renameSync: nodeFs.renameSync,
      rmSync: nodeFs.rmSync,
      linkSync: (existing) => {
        attempts.push(existing);
        throw Object.assign(new Error('EXDEV: cross-device link not permitted (injected)'), { code: 'EXDEV' });
      },
    };
    const before = inode(join(out, 'k8s/dev/same.yaml'));
    const files = new Map([
      ['k8s/dev/same.yaml', 'same'],
      ['k8s/dev/changed.yaml', 'new'],
    ]);
    const report = writeOutputAtomically(out, files, ['k8s/dev'], { fs: noLinks });
    expect(report).toMatchObject({ written: 1, unchanged: 1, removed: 1, upToDate: false });
    expect(attempts).toHaveLength(2);
    expect(readTree(out)).toEqual({ 'k8s/dev/changed.yaml': 'new', 'k8s/dev/same.yaml': 'same', 'k8s/prod/other.yaml': 'other' });
    expect(inode(join(out, 'k8s/dev/same.yaml'))).not.toBe(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('writes anew an executable file or a symbolic link even when its content is as synthesized', () => {
    chmodSync(join(out, 'k8s/dev/same.yaml'), 0o755);
    symlinkSync('same.yaml', join(out, 'k8s/dev/linked.yaml'));
    const files = new Map([
      ['k8s/dev/same.yaml', 'same'],
      ['k8s/dev/linked.yaml', 'same'],
      ['k8s/dev/changed.yaml', 'old'],
      ['k8s/dev/stale.yaml', 'stale'],
    ]);
    const report = writeOutputAtomically(out, files, ['k8s/dev']);
    expect(report).toMatchObject({ written: 2, unchanged: 2, removed: 0, upToDate: false });
    expect(statSync(join(out, 'k8s/dev/same.yaml')).mode & 0o111).toBe(0);
    expect(lstatSync(join(out, 'k8s/dev/linked.yaml')).isFile()).toBe(true);
    expect(listFiles(out)).toHaveLength(5);
  });
});
