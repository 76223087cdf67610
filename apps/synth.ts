import { ENVIRONMENTS } from '../environments';
import { SynthRefusedError } from '../constructs/guardrails/violation';
import { diffOutput, writeOutputAtomically } from '../constructs/synth/output-tree';
import { summaryTable } from '../constructs/synth/summary-table';
import { synthesize } from '../constructs/synth/synthesize';
import { parseSynthOptions, selectEnvironments } from './synth-options';

/** `npm run synth`: regenerate dist/ (or check it) for every environment or one. */
async function main(): Promise<number> {
  const started = process.hrtime.bigint();
  const options = parseSynthOptions(process.argv.slice(2));
  const selected = selectEnvironments(ENVIRONMENTS, options.env);
  const output = await synthesize(selected, ENVIRONMENTS);

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

  writeOutputAtomically(options.out, output.files, output.ownedDirs);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(summaryTable(output.summary, seconds));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SynthRefusedError) console.error(error.message);
    else console.error(`synth failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
