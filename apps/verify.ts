import { ENVIRONMENTS } from '../environments';
import { CommandLineError, helpText } from './command-line';
import type { EnvironmentReport } from './verify/verify-environment';
import { readVerifyCommandLine, VERIFY_COMMAND } from './verify/verify-options';

/**
 * `npm run verify`: the engine checks. Builds the real engines (engines/build), then for each
 * environment applies dist/ to a real API server, loads the policies into the real Kyverno, replays
 * every policy case as an admission request, checks the tenants' isolation as their groups, runs
 * the Kyverno CLI suites, and renders every add-on chart at its pin with the real Helm after
 * checking our values against the chart.
 */
async function main(): Promise<number> {
  const commandLine = readVerifyCommandLine(
    process.argv.slice(2),
    ENVIRONMENTS.map((e) => e.name),
  );
  if (commandLine.help) {
    console.log(helpText(VERIFY_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // Loaded after the command line is read: `--help` answers without loading the engine checks.
  const { buildEngines } = await import('./verify/engines');
  const { RunScope } = await import('./verify/processes');
  const { verifyEnvironment } = await import('./verify/verify-environment');
  const engines = buildEngines();
  const reports: EnvironmentReport[] = [];
  // In the order named; the command line has checked that every name is known.
  for (const spec of options.envs.flatMap((name) => ENVIRONMENTS.filter((e) => e.name === name))) {
    const { name } = spec;
    const scope = new RunScope();
    const started = Date.now();
    try {
      reports.push(await verifyEnvironment(spec, engines, scope, options));
    } catch (error) {
      // One environment's failure does not hide the others' results.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[${name}] stopped: ${message}`);
      reports.push({ environment: name, problems: [`stopped: ${message}`], lines: [], seconds: (Date.now() - started) / 1000 });
    } finally {
      scope.close();
    }
  }
  let failed = 0;
  for (const report of reports) {
    console.log(`\n${report.environment}: ${report.problems.length === 0 ? 'passed' : `${report.problems.length} problem(s)`} in ${report.seconds.toFixed(1)} s`);
    for (const problem of report.problems) console.log(`  - ${problem}`);
    failed += report.problems.length > 0 ? 1 : 0;
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof CommandLineError) console.error(error.message);
    else console.error(`verify failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
