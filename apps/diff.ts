import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { CommandLineError, helpText } from './command-line';
import { DIFF_COMMAND, readDiffCommandLine } from './diff/diff-options';

/**
 * `npm run diff`: the synthesized change between two revisions, semantic and risk-flagged. Exit 0;
 * 3 when a flag reaches `--fail-on` (the report is still written); 1 when the diff could not be made
 * (as every command here, and npm or esbuild when they fail), so CI never reads a crash as a verdict.
 */
async function main(): Promise<number> {
  const commandLine = readDiffCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(DIFF_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // Loaded after the command line is read: `--help` and a wrong option answer at once.
  const { runDiff, FLAGS_EXIT_CODE } = await import('./diff/run-diff');
  const { COMMENT_HOSTS } = await import('./diff/render/markdown');
  const colour = options.out === undefined && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const run = await runDiff(process.cwd(), options, colour);
  if (run.details !== undefined) {
    writeAtomically(run.details.file, run.details.content);
    console.error(`diff: the details did not fit in the comment: written to ${run.details.file}`);
  } else if (options.format === 'markdown' && existsSync(options.detailsFile)) {
    // A details file an earlier run left would be uploaded with a comment it does not belong to.
    const earlier = readFileSync(options.detailsFile, 'utf8');
    if (Object.values(COMMENT_HOSTS).some(({ marker }) => earlier.startsWith(marker))) rmSync(options.detailsFile);
  }
  if (options.out !== undefined) writeAtomically(options.out, run.output);
  // A pipe takes 64 KiB at a time: exiting before the write is flushed would cut the report.
  else await new Promise<void>((resolve, reject) => process.stdout.write(run.output, (error) => (error ? reject(error) : resolve())));
  if (run.exitCode === FLAGS_EXIT_CODE) console.error(`diff: ${run.failing} risk flag(s) at or above --fail-on ${options.failOn} (${run.report.flags.length} in all)`);
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
    process.exit(1);
  },
);
