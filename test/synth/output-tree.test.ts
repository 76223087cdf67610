import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffOutput, listFiles, writeOutputAtomically } from '../../constructs/synth/output-tree';

function tree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

describe('writeOutputAtomically', () => {
  let parent: string;
  let out: string;
  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'gitops-cdk-out-'));
    out = join(parent, 'dist');
    tree(out, { 'k8s/dev/a.yaml': 'old dev', 'k8s/prod/a.yaml': 'old prod', 'k8s/dev/stale.yaml': 'stale' });
  });

  it('replaces the owned subtrees, removes stale files in them and keeps the others byte for byte', () => {
    writeOutputAtomically(out, new Map([['k8s/dev/a.yaml', 'new dev']]), ['k8s/dev']);
    expect(snapshot(out)).toEqual({ 'k8s/dev/a.yaml': 'new dev', 'k8s/prod/a.yaml': 'old prod' });
  });

  it('creates the output folder when it does not exist yet', () => {
    const fresh = join(parent, 'nested', 'out');
    writeOutputAtomically(fresh, new Map([['k8s/dev/a.yaml', 'x']]), ['k8s/dev']);
    expect(snapshot(fresh)).toEqual({ 'k8s/dev/a.yaml': 'x' });
  });

  it('fails without touching the output folder when a file cannot be written, and leaves no temporary folder', () => {
    const before = snapshot(out);
    // A path that is both a file and a folder cannot be written: the write fails half way.
    const files = new Map([
      ['k8s/dev/a.yaml', 'new'],
      ['k8s/dev/a.yaml/b.yaml', 'impossible'],
    ]);
    expect(() => writeOutputAtomically(out, files, ['k8s/dev'])).toThrow();
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});

describe('diffOutput', () => {
  it('lists added, removed and changed files within the owned subtrees only', () => {
    const out = mkdtempSync(join(tmpdir(), 'gitops-cdk-diff-'));
    tree(out, { 'k8s/dev/same.yaml': 's', 'k8s/dev/changed.yaml': 'old', 'k8s/dev/removed.yaml': 'r', 'k8s/prod/other.yaml': 'o' });
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
    tree(out, { 'k8s/dev/a.yaml': 'a' });
    expect(diffOutput(out, new Map([['k8s/dev/a.yaml', 'a']]), ['k8s/dev'])).toEqual([]);
    expect(existsSync(out)).toBe(true);
  });
});
