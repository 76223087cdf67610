import { PromotionRefusedError } from '../../apps/promote/promotion';
import { type CommandRunner, requirePassingPolicyTests } from '../../apps/synth/policy-test-gate';

/** Records the commands and answers with the given exit status per program. */
function runner(status: (command: string) => number): { run: CommandRunner; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    run: (command, args) => {
      calls.push([command, ...args].join(' '));
      return status(command);
    },
  };
}

describe('requirePassingPolicyTests', () => {
  it('refuses the promotion when the jest policy suite fails, before running anything else', () => {
    const { run, calls } = runner(() => 1);
    expect(() => requirePassingPolicyTests('staging', run, () => '/cache/kubectl-kyverno')).toThrow(
      new PromotionRefusedError('the policy tests fail (npx jest test/policies); fix them before promoting staging'),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/jest(\.js)? --silent test\/policies$/);
  });

  it('refuses the promotion when the Kyverno CLI suites of the source fail', () => {
    const { run, calls } = runner((command) => (command.endsWith('kyverno') ? 1 : 0));
    expect(() => requirePassingPolicyTests('staging', run, () => '/cache/kubectl-kyverno')).toThrow(/kyverno test dist\/policy-tests\/staging fails/);
    expect(calls[1]).toBe('/cache/kubectl-kyverno test dist/policy-tests/staging --require-tests');
  });

  it('passes when both pass', () => {
    const both = runner(() => 0);
    expect(() => requirePassingPolicyTests('staging', both.run, () => '/cache/kubectl-kyverno')).not.toThrow();
    expect(both.calls).toHaveLength(2);
  });

  it('refuses the promotion, failing closed, when the Kyverno CLI cannot be built', () => {
    const jestOnly = runner(() => 0);
    const noGo = () => {
      throw new Error('engines/build failed (spawn go ENOENT)');
    };
    expect(() => requirePassingPolicyTests('staging', jestOnly.run, noGo)).toThrow(
      new PromotionRefusedError('the Kyverno CLI could not be built (engines/build failed (spawn go ENOENT)); promotion runs `kyverno test dist/policy-tests/staging` first'),
    );
    expect(jestOnly.calls).toHaveLength(1);
  });
});
