import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CommandLineError, helpText } from '../../apps/command-line';
import { BENCH_COMMAND, type BenchOptions, readBenchCommandLine } from './bench-options';
import { buildBundles, CHECKOUT } from './bundles';
import { measure } from './measured-run';
import { benchReport } from './report';
import type { ScenarioResult } from './scenario-result';
import { planScenarios } from './scenarios';

/**
 * `npm run bench`: times the scenarios of issue 14 (test/bench/scenarios.ts), each run a fresh
 * process, in interleaved rounds, and prints the report (test/bench/report.ts). Everything it writes
 * lives in one temporary folder, removed at the end, on failure and on Ctrl-C.
 */

/**
 * Builds the repository `npm run diff` compares (test/bench/diff-fleet-repository.ts) inside `temp`
 * (through TMPDIR), and returns its path, the first word the script prints.
 */
async function buildDiffRepository(clusters: number, temp: string, signal: AbortSignal): Promise<string> {
  const { stdout } = await promisify(execFile)(join(CHECKOUT, 'node_modules/.bin/tsx'), ['test/bench/diff-fleet-repository.ts'], {
    cwd: CHECKOUT,
    env: { ...process.env, TMPDIR: temp, CLUSTERS: String(clusters) },
    signal,
    maxBuffer: 16 * 1024 * 1024,
  });
  const path = stdout.trim().split(' (')[0];
  if (path === undefined || !path.startsWith(temp)) throw new Error(`test/bench/diff-fleet-repository.ts printed no repository path: ${stdout}`);
  return path;
}

function progress(message: string): void {
  console.error(`bench: ${message}`);
}

async function bench(options: BenchOptions, temp: string, signal: AbortSignal): Promise<ScenarioResult[]> {
  progress('building the bundles');
  const bundles = await buildBundles(CHECKOUT);
  let diffRepository: string | undefined;
  if (options.only.includes('diff')) {
    progress(`building the diff's repository, a fleet of ${options.diffClusters} clusters`);
    diffRepository = await buildDiffRepository(options.diffClusters, temp, signal);
  }
  const scenarios = planScenarios(options, { checkout: CHECKOUT, bundles, temp, ...(diffRepository !== undefined ? { diffRepository } : {}) });
  const usageFile = join(temp, 'usage');
  for (const scenario of scenarios.filter((s) => s.warmUp.length > 0)) {
    progress(`warming the cache of ${scenario.id}`);
    await measure(scenario.warmUp, usageFile, signal);
  }
  const runs = new Map(scenarios.map((s) => [s.id, { seconds: [] as number[], cpuSeconds: [] as number[], maxRssBytes: [] as number[] }]));
  for (let round = 0; round < options.runs; round++) {
    // Each round starts one scenario later, so no scenario always follows the same one.
    for (let i = 0; i < scenarios.length; i++) {
      const scenario = scenarios[(i + round) % scenarios.length];
      const measured = scenario === undefined ? undefined : runs.get(scenario.id);
      if (scenario === undefined || measured === undefined) continue;
      for (const folder of scenario.emptyBeforeEachRun) rmSync(folder, { recursive: true, force: true });
      const { seconds, cpuSeconds, maxRssBytes } = await measure(scenario.commands(round), usageFile, signal);
      measured.seconds.push(seconds);
      measured.cpuSeconds.push(cpuSeconds);
      measured.maxRssBytes.push(maxRssBytes);
      progress(
        `round ${round + 1}/${options.runs}  ${scenario.id.padEnd(18)} ${seconds.toFixed(2).padStart(7)} s  (CPU ${cpuSeconds.toFixed(2)} s)  ${Math.round(maxRssBytes / 1024 ** 2)} MiB`,
      );
    }
  }
  return scenarios.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    ...(s.clusters !== undefined ? { clusters: s.clusters } : {}),
    ...(runs.get(s.id) ?? { seconds: [], cpuSeconds: [], maxRssBytes: [] }),
  }));
}

async function main(): Promise<number> {
  const commandLine = readBenchCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(BENCH_COMMAND));
    return 0;
  }
  const temp = mkdtempSync(join(tmpdir(), 'gitops-cdk-bench-'));
  const interrupt = new AbortController();
  const stop = (): void => {
    // The first signal stops the running child and lets the run unwind and clean up; a second one
    // does not wait.
    if (interrupt.signal.aborted) {
      rmSync(temp, { recursive: true, force: true });
      process.exit(130);
    }
    interrupt.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const results = await bench(commandLine.options, temp, interrupt.signal);
    console.log(
      `\n${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores; medians of ${commandLine.options.runs} interleaved round${commandLine.options.runs === 1 ? '' : 's'}, each run a fresh process.\n`,
    );
    console.log(benchReport(results));
    return 0;
  } catch (error) {
    if (interrupt.signal.aborted) {
      console.error('bench: interrupted');
      return 130;
    }
    throw error;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CommandLineError ? error.message : `bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
