import { cronScheduleProblem } from '../../constructs/core/cron-schedule';

describe('cronScheduleProblem', () => {
  it.each(['*/15 8-17 1,15 * *', '0 8 * JAN-JUN mon-fri', '30 6-18/2 * * 0,6', '0 0 1 1 *', '  0 8 * * 1-4  ', '5-59/10 * * * *'])('accepts %j', (schedule) => {
    expect(cronScheduleProblem(schedule)).toBeUndefined();
  });

  it.each([
    ['0 8 * *', 'has 4 fields, cron needs 5 (minute hour day month weekday)'],
    ['0 8 * * 1-4 2026', 'has 6 fields, cron needs 5 (minute hour day month weekday)'],
    ['@daily', 'has 1 fields, cron needs 5 (minute hour day month weekday)'],
    ['60 8 * * 1', "minute field: '60' is outside 0-59"],
    ['0 24 * * 1', "hour field: '24' is outside 0-23"],
    ['0 8 0 * *', "day of month field: '0' is outside 1-31"],
    ['0 8 * 13 *', "month field: '13' is outside 1-12"],
    // robfig/cron, which Argo CD uses, ends the day of week at 6 (Saturday).
    ['0 8 * * 7', "day of week field: '7' is outside 0-6"],
    ['0 8 * * 5-1', "day of week field: range '5-1' runs backwards"],
    ['*/0 8 * * *', "minute field: bad step in '*/0'"],
    ['0/5/2 8 * * *', "minute field: bad step in '0/5/2'"],
    ['0 8 * * mon-fry', "day of week field: 'mon-fry' is not a number, range or '*'"],
    ['0 8 1-2-3 * *', "day of month field: '1-2-3' is not a number, range or '*'"],
  ])('refuses %j, saying why', (schedule, problem) => {
    expect(cronScheduleProblem(schedule)).toBe(problem);
  });

  it('maps month and weekday names to their numbers, case-insensitively', () => {
    expect(cronScheduleProblem('0 8 * dec sun')).toBeUndefined();
    expect(cronScheduleProblem('0 8 * * SAT-SUN')).toBe("day of week field: range 'SAT-SUN' runs backwards");
  });
});
