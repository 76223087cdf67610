import { SynthRefusedError } from '../constructs/rules/refusal';
import { formatViolation } from '../constructs/rules/violation';
import { CommandLineError, helpText } from './command-line';
import { crashMessage } from './synth/crash-message';
import { diffOutput, OutputSwapError, writeOutputAtomically } from './synth/output-tree';
import { summaryTable } from './synth/summary-table';
import { readSynthCommandLine, SYNTH_COMMAND, selectEnvironments } from './synth/synth-options';

/** `npm run synth`: regenerate dist/ (or check it) for every environment or one. */
async function main(): Promise<number> {
  const started = process.hrtime.bigint();
  const commandLine = readSynthCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(SYNTH_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // Loaded here, not imported at the top: an environment file that throws while it loads (a
  // missing pins.json entry) is then reported like any other failure, without a stack trace; and
  // `--help` or a command line it cannot run answers before the constructs and providers load.
  const { ENVIRONMENTS } = await import('../environments');
  const { synthesize } = await import('./synth/synthesize');
  const selected = selectEnvironments(ENVIRONMENTS, options.env);
  const output = await synthesize(selected, ENVIRONMENTS);
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
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(summaryTable(output.summary, seconds));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A refusal and a failed write say themselves whether anything was written (a failed write
    // that could not roll back says where the old tree is); anything else failed before the write.
    // A command line it cannot run says what is wrong and how to call it.
    if (error instanceof SynthRefusedError || error instanceof OutputSwapError || error instanceof CommandLineError) console.error(error.message);
    else console.error(`synth failed, ${crashMessage(error)}`);
    process.exit(1);
  },
);
