import { resolve } from 'node:path';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { formatViolation } from '../../constructs/rules/violation';
import type { EnvironmentSpec } from '../../environments/types';
import { helpText } from '../command-line';
import { codeFingerprint } from './cache/code-fingerprint';
import { SynthCache } from './cache/synth-cache';
import { diffOutput, writeOutputAtomically } from './output-tree';
import { StackWorkerPool } from './stack-workers';
import { summaryTable } from './summary-table';
import { readSynthCommandLine, SYNTH_COMMAND, selectEnvironments } from './synth-options';
import { skipTokenCreationStacks } from './token-stack-traces';

/**
 * `npm run synth` with its command line, on the environments `loadEnvironments` gives: the
 * project's (apps/synth.ts) or a generated fleet (test/bench), with the project's policy
 * exceptions unless `settings` gives others. Returns the exit code; refusals and failed writes are
 * thrown, for the caller to print.
 */
export async function runSynth(
  argv: readonly string[],
  loadEnvironments: () => Promise<readonly EnvironmentSpec[]>,
  settings: { readonly exceptions?: readonly PolicyExceptionDefinition[] } = {},
): Promise<number> {
  const started = process.hrtime.bigint();
  const commandLine = readSynthCommandLine(argv);
  if (commandLine.help) {
    console.log(helpText(SYNTH_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  skipTokenCreationStacks();
  // Loaded here, not imported at the top: an environment file that throws while it loads (a
  // missing pins.json entry) is then reported like any other failure, without a stack trace; and
  // `--help` or a command line it cannot run answers before the constructs and providers load.
  const environments = await loadEnvironments();
  const { synthesize } = await import('./synthesize');
  const selected = selectEnvironments(environments, options.env);
  const code = options.cache ? codeFingerprint(process.cwd()) : undefined;
  const cache = code === undefined ? undefined : new SynthCache(resolve(options.cacheDir), code);
  const workers = options.jobs > 1 && process.argv[1] !== undefined ? new StackWorkerPool(process.argv[1], options.jobs) : undefined;
  const output = await synthesize(selected, environments, {
    ...(cache === undefined ? {} : { cache }),
    ...(workers === undefined ? {} : { workers }),
    ...(settings.exceptions === undefined ? {} : { exceptions: settings.exceptions }),
  }).finally(() => workers?.close());
  for (const warning of output.warnings) console.error(`synth: warning: ${formatViolation(warning)}`);
  for (const note of output.notes) console.error(`synth: ${note}`);
  // Kept once the synth has succeeded, also on --check: a refused synth keeps nothing.
  const cacheWarning = cache?.save(selected.length === environments.length ? environments.map((e) => e.name) : undefined);
  if (cacheWarning !== undefined) console.error(`synth: warning: ${cacheWarning}`);

  if (options.check) {
    const differences = diffOutput(options.out, output.files, output.ownedDirs);
    if (differences.length > 0) {
      console.error(`${options.out}/ differs from a fresh synth (run \`npm run synth\` and commit the result):`);
      for (const d of differences) console.error(`  ${d.change.padEnd(7)} ${options.out}/${d.path}`);
      return 1;
    }
    console.log(`${options.out}/ is up to date (${output.files.size} files)`);
    return 0;
  }

  const report = writeOutputAtomically(options.out, output.files, output.ownedDirs);
  for (const line of report.recovered) console.error(`synth: ${line}`);
  for (const line of report.warnings) console.error(`synth: warning: ${line}`);
  console.log(
    report.upToDate ? `${options.out}/ is up to date, nothing written` : `${options.out}/: ${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed`,
  );
  if (cache !== undefined) console.log(`cache: ${cache.stats.reused} units reused, ${cache.stats.synthesized} synthesized (${options.cacheDir}; --no-cache to bypass)`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(summaryTable(output.summary, seconds));
  return 0;
}
