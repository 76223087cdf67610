import { spawnSync } from 'node:child_process';
import { ENVIRONMENTS } from '../../environments';
import { PromotionRefusedError } from '../promote/promotion';
import { buildEngines, kyvernoVersionOf } from '../verify/engines';
import { policyTestsEnvironmentDir } from './dist-layout';

/** Runs a command with the terminal attached and returns its exit status. */
export type CommandRunner = (command: string, args: readonly string[]) => number | null;

const runAttached: CommandRunner = (command, args) => spawnSync(command, [...args], { stdio: 'inherit' }).status;

/** The Kyverno CLI at the version the environment runs, built by engines/ (cached after the first build). */
function builtKyvernoCli(environment: string): string {
  const spec = ENVIRONMENTS.find((e) => e.name === environment);
  if (spec === undefined) throw new Error(`unknown environment ${environment}`);
  return buildEngines().kyverno(kyvernoVersionOf(spec)).cli;
}

/**
 * The source's policies must pass their tests before their pins move on: the jest policy suite,
 * then the Kyverno CLI suites under dist/policy-tests/<env>, run by the Kyverno CLI engines/
 * builds. Fails closed: without a CLI (no Go to build it), nothing is promoted.
 * Throws `PromotionRefusedError` when either fails.
 */
export function requirePassingPolicyTests(environment: string, run: CommandRunner = runAttached, kyvernoCli: () => string = () => builtKyvernoCli(environment)): void {
  if (run(process.execPath, [require.resolve('jest/bin/jest'), '--silent', 'test/policies']) !== 0) {
    throw new PromotionRefusedError(`the policy tests fail (npx jest test/policies); fix them before promoting ${environment}`);
  }
  const suites = policyTestsEnvironmentDir(environment);
  let cli: string;
  try {
    cli = kyvernoCli();
  } catch (error) {
    throw new PromotionRefusedError(
      `the Kyverno CLI could not be built (${error instanceof Error ? error.message : String(error)}); promotion runs \`kyverno test ${suites}\` first`,
    );
  }
  if (run(cli, ['test', suites, '--require-tests']) !== 0) {
    throw new PromotionRefusedError(`kyverno test ${suites} fails; fix the policies or their cases before promoting`);
  }
}
