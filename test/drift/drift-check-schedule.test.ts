import { checkDriftCheckInterval, DriftCheckSchedule, isDriftCheckInterval } from '../../constructs/drift/drift-check-schedule';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;

function withInterval(spec: EnvironmentSpec, minutes: number): EnvironmentSpec {
  return { ...spec, infrastructure: { ...spec.infrastructure, driftCheckIntervalMinutes: minutes } };
}

function scheduleOf(minutes: number): DriftCheckSchedule {
  return DriftCheckSchedule.fromSpec(withInterval(dev, minutes));
}

describe('the drift-check interval', () => {
  it.each([5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440])('accepts %i minutes', (minutes) => {
    expect(isDriftCheckInterval(minutes)).toBe(true);
    expect(checkDriftCheckInterval(withInterval(dev, minutes))).toEqual([]);
  });

  it.each([
    [0, 'no interval at all'],
    [1, 'shorter than a plan takes'],
    [4, 'shorter than a plan takes'],
    [7, 'does not divide an hour'],
    [45, 'does not divide an hour: */45 runs at :00 and :45'],
    [90, 'not whole hours'],
    [300, 'five hours do not divide a day'],
    [2880, 'longer than a day'],
    [7.5, 'not a whole number of minutes'],
  ])('rejects %p minutes (%s)', (minutes) => {
    expect(isDriftCheckInterval(minutes)).toBe(false);
    expect(checkDriftCheckInterval(withInterval(dev, minutes))).toEqual([
      expect.objectContaining({ field: 'infrastructure.driftCheckIntervalMinutes', value: minutes, fix: 'set e.g. 15 (production), 30 or 60' }),
    ]);
  });

  it('holds in every environment', () => {
    for (const spec of ENVIRONMENTS) expect([spec.name, checkDriftCheckInterval(spec)]).toEqual([spec.name, []]);
  });

  it('rejects a bad interval naming the environment, where, the field, the value and the fix', () => {
    expect(() => DriftCheckSchedule.fromSpec(withInterval(dev, 45))).toThrow(
      /^lab: infrastructure\.driftCheckIntervalMinutes is 45; must be 5 to 60 minutes dividing an hour .* \(fix: set e\.g\. 15 \(production\), 30 or 60\)$/,
    );
    expect(() => DriftCheckSchedule.fromSpec(withInterval(dev, 45), 'dev/terraform-drift-lab-aks-neu')).toThrow(/^lab: dev\/terraform-drift-lab-aks-neu: /);
  });
});

describe('DriftCheckSchedule', () => {
  it.each([
    [5, 0, '*/5 * * * *'],
    [15, 0, '*/15 * * * *'],
    [15, 3, '3-59/15 * * * *'],
    [30, 20, '20-59/30 * * * *'],
    [60, 0, '0 * * * *'],
    [60, 40, '40 * * * *'],
    [120, 10, '10 */2 * * *'],
    [720, 0, '0 */12 * * *'],
    [1440, 30, '30 0 * * *'],
  ])('runs every %i minutes, %i minutes into the period, as %p', (minutes, offset, cron) => {
    expect(scheduleOf(minutes).cron(offset)).toBe(cron);
  });

  it('starts at the top of the period by default', () => {
    expect(scheduleOf(30).cron()).toBe('*/30 * * * *');
  });

  it('rejects an offset outside the period', () => {
    expect(() => scheduleOf(15).cron(15)).toThrow('drift check offset 15 must be a whole number of minutes from 0 to 14');
    expect(() => scheduleOf(120).cron(60)).toThrow('from 0 to 59');
    expect(() => scheduleOf(60).cron(-1)).toThrow();
  });

  it('spreads the checks of one cluster evenly over the period (an hour at most)', () => {
    expect(scheduleOf(15).offsets(5)).toEqual([0, 3, 6, 9, 12]);
    expect(scheduleOf(60).offsets(3)).toEqual([0, 20, 40]);
    expect(scheduleOf(1440).offsets(4)).toEqual([0, 15, 30, 45]);
    expect(scheduleOf(5).offsets(6)).toEqual([0, 0, 1, 2, 3, 4]);
  });

  it('lets a run last the interval, at most 30 minutes, and start at most half an interval (10 minutes) late', () => {
    expect([scheduleOf(5).jobDeadline.toMinutes(), scheduleOf(5).startingDeadline.toSeconds()]).toEqual([5, 150]);
    expect([scheduleOf(15).jobDeadline.toMinutes(), scheduleOf(15).startingDeadline.toSeconds()]).toEqual([15, 450]);
    expect([scheduleOf(60).jobDeadline.toMinutes(), scheduleOf(60).startingDeadline.toSeconds()]).toEqual([30, 600]);
    expect([scheduleOf(1440).jobDeadline.toMinutes(), scheduleOf(1440).startingDeadline.toSeconds()]).toEqual([30, 600]);
  });
});
