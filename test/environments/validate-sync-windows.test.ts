import { Duration } from 'cdk8s';
import type { EnvironmentSpec } from '../../environments/types';
import { expectRejected } from './spec-expectations';
import { specViolations } from './spec-violations';
import { prod } from './tier-fixtures';

describe('the spec rules', () => {
  describe('sync windows', () => {
    const window = prod.syncWindows[0]!;
    const withWindow = (patch: Partial<typeof window>): EnvironmentSpec => ({
      ...prod,
      syncWindows: [{ ...window, ...patch }],
    });

    it.each([
      ['0 8 * *', /5 fields|has 4 fields/],
      ['0 8 * * 1-4 2026', /has 6 fields/],
      ['60 8 * * 1', /minute field/],
      ['0 24 * * 1', /hour field/],
      ['0 8 0 * *', /day of month field/],
      ['0 8 32 * *', /day of month field/],
      ['0 8 * 13 *', /month field/],
      ['0 8 * * 7', /day of week field/],
      ['0 8 * * 5-1', /runs backwards/],
      ['*/0 8 * * *', /bad step/],
      ['0 8 * * mon-fry', /day of week field/],
      ['@daily', /has 1 fields/],
    ])('rejects the schedule %s', (schedule, problem) => {
      expectRejected(withWindow({ schedule }), 'syncWindows[0].schedule', {
        value: schedule,
        fix: /e\.g\. '0 8 \* \* 1-4'/,
        problem,
      });
    });

    it.each(['*/15 8-17 1,15 * *', '0 8 * JAN-JUN mon-fri', '30 6-18/2 * * 0,6', '0 0 1 1 *'])('accepts the schedule %s', (schedule) => {
      expect(specViolations(withWindow({ schedule }))).toEqual([]);
    });

    it.each([
      ['0s', Duration.seconds(0)],
      ['25h', Duration.hours(25)],
    ])('rejects a window lasting %s', (value, duration) => {
      expectRejected(withWindow({ duration }), 'syncWindows[0].duration', {
        value,
        fix: 'set a duration such as Duration.hours(8)',
      });
    });

    it.each([
      ['Mars/Olympus_Mons', "use a zone such as 'Europe/Berlin' or 'UTC'"],
      ['', "use a zone such as 'Europe/Berlin' or 'UTC'"],
      ['europe/berlin', "spell it 'Europe/Berlin'"],
    ])('rejects the time zone %j', (timeZone, fix) => {
      expectRejected(withWindow({ timeZone }), 'syncWindows[0].timeZone', { value: timeZone, fix });
    });

    it.each(['UTC', 'Etc/UTC', 'America/New_York', 'US/Pacific'])('accepts the time zone %s', (timeZone) => {
      expect(specViolations(withWindow({ timeZone }))).toEqual([]);
    });

    it('rejects a production environment without sync windows', () => {
      expectRejected({ ...prod, syncWindows: [] }, 'syncWindows', { value: [], fix: /add a window/ });
    });
  });
});
