import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildResult, type PromotionFiles, PromotionRolledBackError, promoteAtomically, recoverInterruptedPromotion } from '../../apps/promote/promotion-transaction';
import { readTree, writeTree } from '../support/file-tree';

describe('promoteAtomically', () => {
  let root: string;
  let files: PromotionFiles;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gitops-cdk-promote-'));
    files = { pins: join(root, 'pins.json'), out: join(root, 'dist'), work: join(root, '.synth-promote') };
    writeFileSync(files.pins, 'old pins');
    writeTree(files.out, { 'k8s/prod/a.yaml': 'old a', 'k8s/prod/b.yaml': 'old b' });
  });

  /** What synth does: rewrites dist/ from the pins. */
  const synthOk = (): ChildResult => {
    writeTree(files.out, { 'k8s/prod/a.yaml': `from ${readFileSync(files.pins, 'utf8')}` });
    return { status: 0, signal: null };
  };

  it('writes the pins and keeps the regenerated output, leaving no copies behind', async () => {
    await promoteAtomically('new pins', synthOk, files);
    expect(readFileSync(files.pins, 'utf8')).toBe('new pins');
    expect(readTree(files.out)).toEqual({ 'k8s/prod/a.yaml': 'from new pins', 'k8s/prod/b.yaml': 'old b' });
    expect(readdirSync(root).sort()).toEqual(['dist', 'pins.json']);
  });

  it('restores pins and output when synth fails after changing part of the output', async () => {
    const failing = (): ChildResult => {
      synthOk();
      return { status: 1, signal: null };
    };
    await expect(promoteAtomically('new pins', failing, files)).rejects.toThrow(/^synth failed with the promoted pins; .*pins\.json and .*dist\/ are restored/);
    expect(readFileSync(files.pins, 'utf8')).toBe('old pins');
    expect(readTree(files.out)).toEqual({ 'k8s/prod/a.yaml': 'old a', 'k8s/prod/b.yaml': 'old b' });
    expect(readdirSync(root).sort()).toEqual(['dist', 'pins.json']);
  });

  it('restores pins and output when a signal arrives even though synth finished, and does not die of it', async () => {
    const interrupted = (): ChildResult => {
      synthOk();
      // SIGTERM sent to promote alone while synth runs: the listener holds it until the child ends.
      process.emit('SIGTERM', 'SIGTERM');
      return { status: 0, signal: null };
    };
    const error: unknown = await promoteAtomically('new pins', interrupted, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromotionRolledBackError);
    expect((error as PromotionRolledBackError).signal).toBe('SIGTERM');
    expect(readFileSync(files.pins, 'utf8')).toBe('old pins');
    expect(readTree(files.out)).toEqual({ 'k8s/prod/a.yaml': 'old a', 'k8s/prod/b.yaml': 'old b' });
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('rolls back, on the next promote, one that SIGKILL stopped before it committed', () => {
    // The state a promote killed during synth leaves: new pins, a half-written output, the copies.
    writeTree(files.work, { pins: 'old pins', 'out/k8s/prod/a.yaml': 'old a', 'out/k8s/prod/b.yaml': 'old b' });
    writeFileSync(files.pins, 'new pins');
    writeTree(files.out, { 'k8s/prod/a.yaml': 'half' });
    expect(recoverInterruptedPromotion(files)).toMatch(/stopped before it finished: .*pins\.json and .*dist\/ are restored/);
    expect(readFileSync(files.pins, 'utf8')).toBe('old pins');
    expect(readTree(files.out)).toEqual({ 'k8s/prod/a.yaml': 'old a', 'k8s/prod/b.yaml': 'old b' });
    expect(existsSync(files.work)).toBe(false);
  });

  it('keeps a promotion that committed before it was killed', () => {
    writeTree(files.work, { pins: 'old pins', committed: '', 'out/k8s/prod/a.yaml': 'old a' });
    writeFileSync(files.pins, 'new pins');
    expect(recoverInterruptedPromotion(files)).toBeUndefined();
    expect(readFileSync(files.pins, 'utf8')).toBe('new pins');
    expect(existsSync(files.work)).toBe(false);
  });
});

describe('npm run promote interrupted by Ctrl-C', () => {
  const ROOT = join(__dirname, '..', '..');

  it('restores the pins and dist/ when Ctrl-C stops synth in the middle of its write', async () => {
    // A copy of the repository: the real command edits environments/pins.json and dist/.
    const copy = join(mkdtempSync(join(tmpdir(), 'gitops-cdk-promote-cli-')), 'repo');
    cpSync(ROOT, copy, { recursive: true, filter: (source) => !/\/(node_modules|\.git|\.synth-[^/]*)$/.test(source) });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const pinsBefore = readFileSync(join(copy, 'environments/pins.json'), 'utf8');
    const distBefore = readTree(join(copy, 'dist'));

    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      // Detached: its own process group, which the test signals as a terminal's Ctrl-C does.
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/promote.ts', '--complete-canary', 'staging'], {
        cwd: copy,
        detached: true,
        env: { ...process.env, GITOPS_CDK_TEST_PAUSE_IN_SWAP: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // A promotion changes a few files: synth patches them (it swaps a larger change).
        if (/paused in (swap|patch)/.test(chunk.toString())) process.kill(-child.pid!, 'SIGINT');
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });

    expect(result.stderr).toMatch(/paused in (swap|patch)/);
    expect(result.stderr).toMatch(/promotion rolled back, nothing was changed: interrupted by SIGINT; environments\/pins\.json and dist\/ are restored/);
    expect(result.code).toBe(130);
    expect(readFileSync(join(copy, 'environments/pins.json'), 'utf8')).toBe(pinsBefore);
    expect(readTree(join(copy, 'dist'))).toEqual(distBefore);
    expect(readdirSync(copy).filter((name) => name.startsWith('.synth-'))).toEqual([]);
  }, 120_000);
});
