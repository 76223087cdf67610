import { failureLines } from '../../../apps/verify/kyverno-cli-suites';

describe('failureLines', () => {
  it('keeps the failed rows of the CLI output with their suite, and the summary', () => {
    const output = [
      'Loading test  ( dist/policy-tests/prod/a/kyverno-test.yaml ) ...',
      '│ 1  │ a │ r │ v1/Pod/team-a/ok │ Pass   │ Ok                  │',
      'Loading test  ( dist/policy-tests/prod/b/kyverno-test.yaml ) ...',
      '│ 1  │ b │ r │ v1/Pod/team-a/x  │ Fail   │ Want fail, got pass │',
      'Test Summary: 1 tests passed and 1 tests failed',
    ].join('\n');
    expect(failureLines(output)).toEqual([
      'dist/policy-tests/prod/b/kyverno-test.yaml: │ 1 │ b │ r │ v1/Pod/team-a/x │ Fail │ Want fail, got pass │',
      'Test Summary: 1 tests passed and 1 tests failed',
    ]);
  });
});
