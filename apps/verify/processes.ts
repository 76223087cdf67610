import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything one verification run starts or creates: child processes and scratch folders. `close()`
 * stops and removes them all; it runs on success, on failure and on Ctrl-C, so a run leaves
 * nothing behind.
 */
export class RunScope {
  private readonly children: { readonly name: string; readonly child: ChildProcess; readonly log: string; stopped?: boolean; failed?: Error }[] = [];
  private readonly dirs: string[] = [];
  private readonly cleanups: (() => void)[] = [];
  private closed = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.close();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  constructor() {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
    process.once('exit', () => this.close());
  }

  /** A scratch folder removed when the scope closes. */
  scratchDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), `gitops-cdk-${prefix}-`));
    this.dirs.push(dir);
    return dir;
  }

  /** Runs before the processes stop (e.g. removing webhooks that point at them). */
  beforeStop(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  /** Starts a long-running engine; its output goes to `<logDir>/<name>.log`, shown if it fails. */
  start(name: string, command: string, args: readonly string[], logDir: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
    const log = join(logDir, `${name}.log`);
    const fd = openSync(log, 'a');
    const child = spawn(command, [...args], { stdio: ['ignore', fd, fd], env });
    closeSync(fd);
    const entry: (typeof this.children)[number] = { name, child, log };
    // A program that cannot start is reported by assertRunning, like one that exits.
    child.on('error', (error) => (entry.failed = error));
    this.children.push(entry);
    return child;
  }

  /** Stops one engine on purpose (to see what the API server does without it). */
  stop(name: string): void {
    for (const entry of this.children.filter((c) => c.name === name)) {
      entry.stopped = true;
      entry.child.kill('SIGKILL');
      if (entry.child.pid !== undefined) waitUntilDead(entry.child.pid);
    }
  }

  /** The exit of any engine before the run ends is an error that names it and shows its log. */
  assertRunning(): void {
    for (const { name, child, log, stopped, failed } of this.children) {
      if (failed !== undefined) throw new Error(`${name} could not start: ${failed.message}`);
      if (stopped !== true && (child.exitCode !== null || child.signalCode !== null)) {
        throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}); the end of its log:\n${tail(log)}`);
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    process.removeListener('SIGINT', this.onSignal);
    process.removeListener('SIGTERM', this.onSignal);
    for (const cleanup of this.cleanups.reverse()) {
      try {
        cleanup();
      } catch {
        // Best effort: the processes are stopped and the folders removed regardless.
      }
    }
    for (const { child } of [...this.children].reverse()) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // Folders are removed only once nothing can write into them any more.
    for (const { child } of this.children) if (child.pid !== undefined) waitUntilDead(child.pid);
    // GITOPS_CDK_VERIFY_KEEP=1 keeps the folders (engine logs, kubeconfig) to debug a failed run.
    if (process.env.GITOPS_CDK_VERIFY_KEEP === '1') {
      for (const dir of this.dirs) console.error(`kept ${dir}`);
      return;
    }
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Waits (synchronously: close() also runs on exit, when no event loop turns) until the process is
 * gone or a zombie, for at most two seconds. Linux: reads /proc/<pid>/stat.
 */
function waitUntilDead(pid: number): void {
  const deadline = Date.now() + 2000;
  while (Date.now() < deadline) {
    let state: string | undefined;
    try {
      state = /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    } catch {
      return;
    }
    if (state === 'Z' || state === 'X') return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Lets the event loop turn. kubectl runs synchronously; a long loop of such calls would hold off
 * Ctrl-C (Node runs signal handlers only between turns), so loops over documents and cases call
 * this once per item.
 */
export function yieldToSignals(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A TCP port free on loopback right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with `what` and the last error. */
export async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, scope?: RunScope, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    scope?.assertRunning();
    try {
      const value = probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
