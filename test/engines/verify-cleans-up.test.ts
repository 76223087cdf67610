import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ctrl-C in the middle of a run stops the engines and removes the control plane's folder. The run
// gets a TMPDIR of its own, so "nothing left" can be checked exactly. Needs Go; CI runs it.

it(
  'stops every engine and removes its scratch folders when interrupted',
  async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'verify-interrupt-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'apps/verify.ts', '--env', 'dev', '--checks', 'documents'], {
        cwd: process.cwd(),
        env: { ...process.env, TMPDIR: scratch },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the control plane did not come up:\n${output}`)), 5 * 60 * 1000);
        child.on('exit', () => reject(new Error(`verify ended before Kyverno was up:\n${output}`)));
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // Interrupt while etcd, kube-apiserver and Kyverno run.
          if (/Kyverno \S+ admission and background controllers running/.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // Ours are named gitops-cdk-*; tsx keeps its compile cache there too.
      const ours = () => readdirSync(scratch).filter((name) => name.startsWith('gitops-cdk-'));
      expect(ours().length).toBeGreaterThan(0);
      child.kill('SIGINT');
      expect(await exit).toBe(130);
      expect(ours()).toEqual([]);
      // No engine started for this run is still running (their command lines name the folder).
      const left = spawnSync('pgrep', ['-f', scratch], { encoding: 'utf8' });
      expect(left.stdout.trim()).toBe('');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
  10 * 60 * 1000,
);
