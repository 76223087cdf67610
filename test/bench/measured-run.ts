import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One process a scenario starts. */
export interface ChildCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to the benchmark's own environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** One timed run of a scenario. */
export interface Measurement {
  readonly seconds: number;
  /**
   * CPU time of every Node process the run started, user and system: less disturbed than the wall
   * time by other work on a shared machine, and above it when the work is spread over cores.
   */
  readonly cpuSeconds: number;
  /** The largest peak resident set of any Node process the run started. */
  readonly maxRssBytes: number;
}

/** The preload that reports each process's peak memory (see that file). */
const PRELOAD = join(__dirname, 'max-rss-preload.cjs');

/** The last lines of a failed command's output, enough to say why without flooding the terminal. */
function tail(text: string, lines = 25): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs `child` to its end. Its own process group, so that aborting kills what it started too (the
 * standard CLIs run the app through npx). Rejects when it fails, with the end of its output.
 */
function run(child: ChildCommand, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('interrupted'));
    const childProcess = spawn(child.command, [...child.args], { cwd: child.cwd, env: { ...env, ...child.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    childProcess.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    childProcess.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    const abort = (): void => {
      if (childProcess.pid !== undefined) process.kill(-childProcess.pid, 'SIGKILL');
    };
    signal.addEventListener('abort', abort, { once: true });
    childProcess.on('error', (error) => {
      signal.removeEventListener('abort', abort);
      reject(error);
    });
    childProcess.on('close', (code, killedBy) => {
      signal.removeEventListener('abort', abort);
      if (signal.aborted) reject(new Error('interrupted'));
      else if (code === 0) resolve();
      else reject(new Error(`${child.command} ${child.args.join(' ')} (in ${child.cwd}) failed with ${killedBy ?? `exit code ${code}`}:\n${tail(output)}`));
    });
  });
}

/**
 * Runs `commands` one after the other, each a fresh process, and measures them together: wall time
 * from the first start to the last exit, their CPU time, and the largest peak memory of any Node
 * process among them (each appends its own to `usageFile`). NODE_OPTIONS is replaced, so the benchmark's own loader (tsx)
 * does not slow what it times.
 */
export async function measure(commands: readonly ChildCommand[], usageFile: string, signal: AbortSignal): Promise<Measurement> {
  rmSync(usageFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`, GITOPS_CDK_BENCH_USAGE_FILE: usageFile };
  const started = process.hrtime.bigint();
  for (const command of commands) await run(command, env, signal);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // One line per process: peak resident set (KiB), CPU time (microseconds).
  const usages = (existsSync(usageFile) ? readFileSync(usageFile, 'utf8').split('\n').filter(Boolean) : []).map((line) => line.split(' ').map(Number));
  const maxRssKiB = Math.max(0, ...usages.map(([rss]) => rss ?? 0));
  const cpuMicroseconds = usages.reduce((sum, [, cpu]) => sum + (cpu ?? 0), 0);
  return { seconds, cpuSeconds: cpuMicroseconds / 1e6, maxRssBytes: maxRssKiB * 1024 };
}
