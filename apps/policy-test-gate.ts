import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { policyTestsEnvironmentDir } from '../constructs/platform/layout';
import { PromotionRefusedError } from '../environments/promotion';

/** Runs a command with the terminal attached and returns its exit status. */
export type CommandRunner = (command: string, args: readonly string[]) => number | null;

const runAttached: CommandRunner = (command, args) => spawnSync(command, [...args], { stdio: 'inherit' }).status;

function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find((candidate) => existsSync(candidate));
}

/**
 * The source's policies must pass their tests before their pins move on: the jest policy suite
 * always, and the Kyverno CLI suites under dist/policy-tests/<env> when the CLI is installed.
 * Throws `PromotionRefusedError` when either fails.
 */
export function requirePassingPolicyTests(
  environment: string,
  run: CommandRunner = runAttached,
  kyverno: string | undefined = onPath('kyverno'),
  log: (line: string) => void = console.log,
): void {
  if (run(process.execPath, [require.resolve('jest/bin/jest'), '--silent', 'test/policies']) !== 0) {
    throw new PromotionRefusedError(`the policy tests fail (npx jest test/policies); fix them before promoting ${environment}`);
  }
  const suites = policyTestsEnvironmentDir(environment);
  if (kyverno === undefined) {
    log(`kyverno CLI not found on PATH: skipped \`kyverno test ${suites}\` (install it to run the case suites too)`);
    return;
  }
  if (run(kyverno, ['test', suites]) !== 0) {
    throw new PromotionRefusedError(`kyverno test ${suites} fails; fix the policies or their cases before promoting`);
  }
}
