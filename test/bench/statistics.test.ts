import { spread } from './statistics';

describe('spread', () => {
  it('takes the middle value of an odd count, whatever the order of the runs', () => {
    expect(spread([3.1, 1.2, 2.5])).toEqual({ median: 2.5, min: 1.2, max: 3.1 });
  });

  it('takes the mean of the middle two of an even count', () => {
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
  });

  it('gives one run as its own median and range', () => {
    expect(spread([7])).toEqual({ median: 7, min: 7, max: 7 });
  });

  it('refuses no runs rather than report NaN', () => {
    expect(() => spread([])).toThrow(/no values/);
  });
});
