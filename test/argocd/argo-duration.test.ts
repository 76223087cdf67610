import { Duration } from 'cdk8s';
import { argoDuration } from '../../constructs/argocd/argo-duration';

describe('argoDuration', () => {
  it.each([
    [Duration.hours(8), '8h'],
    [Duration.minutes(5), '5m'],
    [Duration.seconds(90), '90s'],
    [Duration.seconds(10), '10s'],
    [Duration.millis(45500), '45500ms'],
    [Duration.seconds(0), '0s'],
  ])('renders %s as %s, in the largest unit that divides it', (duration, expected) => {
    expect(argoDuration(duration)).toBe(expected);
  });
});
