import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { CommandLineError, helpText } from './command-line';
import { DIFF_COMMAND, readDiffCommandLine } from './diff/diff-options';

/**
 * `npm run diff`: the synthesized change between two revisions, semantic and risk-flagged. Exit 0,
 * 1 when `--fail-on` is reached (the output is still written), 2 when the diff could not be made.
 */
async function main(): Promise<number> {
  const commandLine = readDiffCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(DIFF_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // Loaded after the command line is read: `--help` and a wrong option answer at once.
  const { runDiff } = await import('./diff/run-diff');
  const colour = options.out === undefined && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const run = await runDiff(process.cwd(), options, colour);
  if (run.details !== undefined) {
    writeAtomically(run.details.file, run.details.content);
    console.error(`diff: the details did not fit in the comment: written to ${run.details.file}`);
  }
  if (options.out !== undefined) writeAtomically(options.out, run.output);
  // A pipe takes 64 KiB at a time: exiting before the write is flushed would cut the report.
  else await new Promise<void>((resolve, reject) => process.stdout.write(run.output, (error) => (error ? reject(error) : resolve())));
  if (run.exitCode === 1)
    console.error(`diff: risk flags at or above --fail-on ${options.failOn}: ${run.report.flags.filter((f) => f.level === 'high').length} high, ${run.report.flags.length} in all`);
  return run.exitCode;
}

/** A reader (the CI step posting the comment) sees the old file or the new one, never half of one. */
function writeAtomically(path: string, content: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CommandLineError ? error.message : `diff failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
