import { Duration } from 'cdk8s';
import { durationMillis, showDuration } from '../../constructs/core/go-duration';

describe('showDuration', () => {
  it.each([
    [Duration.hours(2), '2h'],
    [Duration.minutes(90), '1h30m'],
    [Duration.hours(25), '25h'],
    [Duration.seconds(90), '1m30s'],
    [Duration.seconds(0), '0s'],
  ])('renders %o Go-style as %s', (duration, text) => {
    expect(showDuration(duration)).toBe(text);
  });

  it('measures sub-second durations without throwing', () => {
    expect(durationMillis(Duration.millis(500))).toBe(500);
  });
});
