import { argumentValues, resolveArguments } from '../../../constructs/rules/inspect/analysis-arguments';

describe('analysis arguments: what an AnalysisRun substitutes into its metrics', () => {
  it("takes the template's values, overridden by the Rollout's for the arguments the template declares", () => {
    const values = argumentValues(
      [{ name: 'limit', value: '1' }, { name: 'hash' }, { name: 'kept', value: 'k' }],
      [
        { name: 'limit', value: '2' },
        { name: 'hash', valueFrom: { podTemplateHashValue: 'Latest' } },
        { name: 'undeclared', value: 'x' },
      ],
    );
    expect([...values.entries()]).toEqual([
      ['limit', '2'],
      ['hash', undefined],
      ['kept', 'k'],
    ]);
  });

  it('substitutes {{args.x}} with or without inner spaces, and names the arguments synth cannot know', () => {
    const values = argumentValues([{ name: 'a', value: '0.99' }, { name: 'b' }], []);
    expect(resolveArguments('result[0] < {{ args.a }} || {{args.b}}', values)).toEqual({ value: 'result[0] < 0.99 || {{args.b}}', unknown: ['b'] });
    expect(resolveArguments(3, values)).toEqual({ value: 3, unknown: [] });
  });
});
