import { type CommandRunner, requirePassingPolicyTests } from '../../apps/policy-test-gate';
import { PromotionRefusedError } from '../../environments/promotion';

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
    expect(() => requirePassingPolicyTests('staging', run, '/usr/local/bin/kyverno', () => undefined)).toThrow(
      new PromotionRefusedError('the policy tests fail (npx jest test/policies); fix them before promoting staging'),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/jest(\.js)? --silent test\/policies$/);
  });

  it('refuses the promotion when the Kyverno CLI suites of the source fail', () => {
    const { run, calls } = runner((command) => (command.endsWith('kyverno') ? 1 : 0));
    expect(() => requirePassingPolicyTests('staging', run, '/usr/local/bin/kyverno', () => undefined)).toThrow(
      /kyverno test dist\/policy-tests\/staging fails/,
    );
    expect(calls[1]).toBe('/usr/local/bin/kyverno test dist/policy-tests/staging');
  });

  it('passes when both pass, and says so when the Kyverno CLI is missing', () => {
    const both = runner(() => 0);
    expect(() => requirePassingPolicyTests('staging', both.run, '/usr/local/bin/kyverno', () => undefined)).not.toThrow();
    expect(both.calls).toHaveLength(2);
    const lines: string[] = [];
    const jestOnly = runner(() => 0);
    requirePassingPolicyTests('staging', jestOnly.run, undefined, (line) => lines.push(line));
    expect(jestOnly.calls).toHaveLength(1);
    expect(lines).toEqual([expect.stringMatching(/kyverno CLI not found on PATH: skipped `kyverno test dist\/policy-tests\/staging`/)]);
  });
});
