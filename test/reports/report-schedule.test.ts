import { Duration } from 'cdk8s';
import { COMPLIANCE_REPORT_INTERVAL, cronEvery } from '../../constructs/compliance-report/report-schedule';

describe('report schedule', () => {
  it('fires every six hours on the hour (seed WS3: compliance reporting every 6 hours)', () => {
    expect(cronEvery(COMPLIANCE_REPORT_INTERVAL)).toBe('0 */6 * * *');
  });

  it('fires once a day at midnight for a 24-hour interval', () => {
    expect(cronEvery(Duration.hours(24))).toBe('0 0 * * *');
  });

  it.each([Duration.hours(5), Duration.minutes(90), Duration.hours(48)])('rejects an interval of %s that is no daily cron', (interval) => {
    expect(() => cronEvery(interval)).toThrow(/^compliance-report: a report interval of [\d.]+ hours cannot be a daily cron schedule/);
  });
});
