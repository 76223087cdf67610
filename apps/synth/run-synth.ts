import { formatViolation } from '../../constructs/rules/violation';
import type { EnvironmentSpec } from '../../environments/types';
import { helpText } from '../command-line';
import { diffOutput, writeOutputAtomically } from './output-tree';
import { summaryTable } from './summary-table';
import { readSynthCommandLine, SYNTH_COMMAND, selectEnvironments } from './synth-options';

/**
 * `npm run synth` with its command line, on the environments `loadEnvironments` gives: the
 * project's (apps/synth.ts) or a generated fleet (test/bench). Returns the exit code; refusals and
 * failed writes are thrown, for the caller to print.
 */
export async function runSynth(argv: readonly string[], loadEnvironments: () => Promise<readonly EnvironmentSpec[]>): Promise<number> {
  const started = process.hrtime.bigint();
  const commandLine = readSynthCommandLine(argv);
  if (commandLine.help) {
    console.log(helpText(SYNTH_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // Loaded here, not imported at the top: an environment file that throws while it loads (a
  // missing pins.json entry) is then reported like any other failure, without a stack trace; and
  // `--help` or a command line it cannot run answers before the constructs and providers load.
  const environments = await loadEnvironments();
  const { synthesize } = await import('./synthesize');
  const selected = selectEnvironments(environments, options.env);
  const output = await synthesize(selected, environments);
  for (const warning of output.warnings) console.error(`synth: warning: ${formatViolation(warning)}`);

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
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(summaryTable(output.summary, seconds));
  return 0;
}
