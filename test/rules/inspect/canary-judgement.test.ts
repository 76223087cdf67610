import { canaryJudgement } from '../../../constructs/rules/inspect/canary-judgement';

const analysis = { templates: [{ templateName: 'echo-health' }] };

describe('canaryJudgement: every share of pods a canary shifts is judged before it shifts more', () => {
  it('judges a share by an analysis step before the next setWeight, or by the end of the steps', () => {
    expect(canaryJudgement([{ setWeight: 25 }, { analysis }, { setWeight: 50 }, {}, { analysis }], undefined)).toEqual({ allAtOnce: false, unjudged: [] });
  });

  it('names each share the next shift (or full promotion) overtakes before any analysis', () => {
    expect(canaryJudgement([{ setWeight: 25 }, { setWeight: 50 }, {}, { analysis }, { setWeight: 75 }], undefined)).toEqual({
      allAtOnce: false,
      unjudged: [
        { step: 0, weight: 25, nextShift: 1 },
        { step: 4, weight: 75 },
      ],
    });
  });

  it('counts a background analysis for the shares from its startingStep on', () => {
    const steps = [{ setWeight: 25 }, {}, { setWeight: 50 }, {}];
    expect(canaryJudgement(steps, 0).unjudged).toEqual([]);
    expect(canaryJudgement(steps, 2).unjudged).toEqual([{ step: 0, weight: 25, nextShift: 2 }]);
  });

  it('sees every pod move at once without a share strictly between 0 and 100', () => {
    expect(canaryJudgement([], 0).allAtOnce).toBe(true);
    expect(canaryJudgement([{ setWeight: 0 }, { setWeight: 100 }, { analysis }], undefined).allAtOnce).toBe(true);
    expect(canaryJudgement([{ setWeight: '50' }, { analysis }], undefined).allAtOnce).toBe(true);
  });
});
