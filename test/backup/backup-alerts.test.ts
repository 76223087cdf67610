import { Duration } from 'cdk8s';
import { monitoringDomains, monitoringProps } from '../../apps/assembly/monitoring-domains';
import type { AlertDefinition, MonitoringDomain } from '../../constructs/monitoring/alert-definition';
import { backupMonitoring, lateBackupExpr, veleroMetricsJobs } from '../../constructs/monitoring/domains/backup';
import type { EnvironmentSpec } from '../../environments/types';
import { domainPromtoolFailures } from '../support/domain-promtool';
import { fixtureEnvironment, fixtureEstate } from '../support/fixture-environment';

function backupDomain(spec: EnvironmentSpec): MonitoringDomain {
  return backupMonitoring(monitoringProps(spec));
}

function alertNamed(domain: MonitoringDomain, name: string): AlertDefinition {
  const alert = domain.alerts.find((a) => a.name === name);
  if (alert === undefined) throw new Error(`no alert ${name}`);
  return alert;
}

const live = fixtureEnvironment({ tier: 'production' });
/** Production with the estate's shape: an hourly schedule carrying a two-hour RPO beside a nightly one. */
const hourlyLive: EnvironmentSpec = {
  ...live,
  backup: {
    ...live.backup,
    rpo: Duration.hours(2),
    schedules: [
      { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2) },
      { name: 'daily', cron: '30 2 * * *', retention: Duration.days(30) },
    ],
  },
};

describe('the backup monitoring domain', () => {
  it('is one of every environment’s domains', () => {
    for (const spec of fixtureEstate()) expect(monitoringDomains(spec).map((d) => d.name)).toContain('backup');
  });

  it.each(fixtureEstate().map((spec) => [spec.name, spec] as const))('declares the backup alerts in %s, late paging in production only', (_name, spec) => {
    const domain = backupDomain(spec);
    const late = spec.tier === 'production' ? 'critical' : 'warning';
    expect(Object.fromEntries(domain.alerts.map((a) => [a.name, a.severity]))).toEqual({
      BackupFailed: 'warning',
      BackupLate: late,
      BackupStorageLocationUnavailable: 'warning',
      BackupVeleroDown: 'warning',
    });
  });

  it('scrapes Velero under one job on every cluster of every cloud: the Service named by fullnameOverride', () => {
    for (const spec of fixtureEstate()) expect(veleroMetricsJobs(monitoringProps(spec).velero)).toEqual(['velero']);
  });

  it('counts failed, partially failed and invalid backups of schedules only (not ad-hoc backups)', () => {
    const expr = alertNamed(backupDomain(live), 'BackupFailed').expr;
    for (const metric of ['velero_backup_failure_total', 'velero_backup_partial_failure_total', 'velero_backup_validation_failure_total', 'velero_backup_last_status']) {
      expect(expr).toContain(`${metric}{job=~"velero",schedule!=""}`);
    }
  });

  it('makes each schedule late after its own allowance: the RPO for the most frequent, interval plus the same slack for the others', () => {
    const expr = alertNamed(backupDomain(hourlyLive), 'BackupLate').expr;
    expect(expr).toContain('(time() - max by (schedule) (velero_backup_last_successful_timestamp{job=~"velero",schedule="velero-hourly"})) > 7200');
    expect(expr).toContain('(time() - max by (schedule) (velero_backup_last_successful_timestamp{job=~"velero",schedule="velero-daily"})) > 90000');
    // The never-succeeded case keeps the schedule label (unless on schedule), not absent().
    expect(expr).toContain('max by (schedule) (velero_backup_attempt_total{job=~"velero",schedule="velero-hourly"} offset 2h) unless on (schedule)');
    expect(expr).not.toContain('absent(');
  });

  it('follows the RPO of the spec: a longer RPO moves the late threshold', () => {
    const timings = [{ veleroName: 'velero-daily', lateAfterMinutes: 1500 }];
    expect(lateBackupExpr('job="velero"', timings)).toContain('> 90000');
    const relaxed = { ...live, backup: { ...live.backup, rpo: Duration.hours(30) } };
    expect(alertNamed(backupDomain(relaxed), 'BackupLate').expr).toContain('> 108000');
  });

  it('watches the backup storage location Velero validates', () => {
    expect(alertNamed(backupDomain(live), 'BackupStorageLocationUnavailable').expr).toBe('max by (backup_location_name) (velero_backup_location_status_gauge{job=~"velero"}) == 0');
  });

  it.each([
    ['the fixture production environment (one nightly schedule)', live],
    ['an hourly schedule beside a nightly one', hourlyLive],
  ])('fires and stays quiet as each case says, evaluated by promtool: %s', (_what, spec) => {
    expect(domainPromtoolFailures(backupDomain(spec))).toBe('');
  });

  it('would not fire for a never-succeeded schedule without the attempt-counter term (promtool)', () => {
    const domain = backupDomain(live);
    const late = alertNamed(domain, 'BackupLate');
    const ageTerm = '(time() - max by (schedule) (velero_backup_last_successful_timestamp{job=~"velero",schedule="velero-daily"})) > 90000';
    expect(late.expr.startsWith(`${ageTerm} or `)).toBe(true);
    const onlyAge = { ...late, expr: ageTerm };
    expect(domainPromtoolFailures({ ...domain, alerts: [onlyAge] })).toMatch(/BackupLate fires: the schedule has existed/);
  });
});
