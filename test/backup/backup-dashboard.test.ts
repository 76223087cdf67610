import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { Duration } from 'cdk8s';
import { monitoringDomains } from '../../apps/assembly/monitoring-domains';
import { backupDashboard } from '../../constructs/monitoring/dashboards/backup-dashboard';
import { gitopsDashboards } from '../../constructs/monitoring/dashboards/grafana-dashboards';
import { BACKUP_DURATION_RECORD } from '../../constructs/monitoring/domains/backup';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

const live = fixtureEnvironment({ tier: 'production' });
const hourlyLive: EnvironmentSpec = {
  ...live,
  backup: {
    ...live.backup,
    rpo: Duration.hours(2),
    rto: Duration.hours(3),
    schedules: [
      { name: 'hourly', cron: '0 * * * *', retention: Duration.days(2) },
      { name: 'daily', cron: '30 2 * * *', retention: Duration.days(30) },
    ],
  },
};

function panels(model: dashboard.Dashboard): dashboard.Panel[] {
  return (model.panels ?? []).filter((p) => p.type !== 'row') as dashboard.Panel[];
}

function panel(model: dashboard.Dashboard, title: string): dashboard.Panel {
  const found = panels(model).find((p) => p.title === title);
  if (found === undefined) throw new Error(`no panel ${title}`);
  return found;
}

function exprs(p: dashboard.Panel): string[] {
  return (p.targets ?? []).map((t) => (t as unknown as { expr: string }).expr);
}

describe('the backup dashboard', () => {
  const model = backupDashboard(hourlyLive);

  it('is one of the gitops-cdk dashboards of every environment', () => {
    expect(gitopsDashboards(live).map((d) => d.uid)).toContain('gitops-cdk-backup');
  });

  it('shows the tier’s RPO and RTO from the spec, per cluster that runs Velero', () => {
    expect(exprs(panel(model, 'RPO target'))).toEqual(['max(count by (cluster) (velero_backup_location_status_gauge{cluster=~"$cluster"}) * 0 + 7200)']);
    expect(exprs(panel(model, 'RTO target'))).toEqual(['max(count by (cluster) (velero_backup_location_status_gauge{cluster=~"$cluster"}) * 0 + 10800)']);
    expect(exprs(panel(backupDashboard(live), 'RPO target'))[0]).toContain(`+ ${live.backup.rpo.toSeconds()})`);
  });

  it('draws each schedule’s newest backup age against its own allowance, red where BackupLate fires', () => {
    const [ratio] = exprs(panel(model, 'Newest backup age over its allowance'));
    expect(ratio).toContain('(time() - max by (cluster, schedule) (velero_backup_last_successful_timestamp{cluster=~"$cluster",schedule="velero-hourly"})) / 7200');
    expect(ratio).toContain('(time() - max by (cluster, schedule) (velero_backup_last_successful_timestamp{cluster=~"$cluster",schedule="velero-daily"})) / 90000');
    const steps = panel(model, 'Newest backup age over its allowance').fieldConfig?.defaults.thresholds?.steps ?? [];
    expect(steps.map((s) => [s.value, s.color])).toEqual([
      [null, 'green'],
      [0.8, 'orange'],
      [1, 'red'],
    ]);
  });

  it('draws the age of the newest backups over time with the RPO as a line', () => {
    const [ages, target] = exprs(panel(model, 'Newest backup age against the RPO'));
    expect(ages).toContain('schedule="velero-hourly"');
    expect(target).toBe('count by (cluster) (velero_backup_location_status_gauge{cluster=~"$cluster"}) * 0 + 7200');
  });

  it('shows failures and the recorded mean duration per cluster and schedule', () => {
    expect(exprs(panel(model, 'Failed backups per day'))[0]).toMatch(
      /^sum by \(cluster, schedule\) \(increase\(velero_backup_failure_total\{cluster=~"\$cluster",schedule!=""\}\[1d\]\) \+ /,
    );
    expect(exprs(panel(model, 'Backup duration'))).toEqual([`max by (cluster, schedule) (${BACKUP_DURATION_RECORD}{cluster=~"$cluster"})`]);
    // The record the panel reads is one the backup domain records.
    const backup = monitoringDomains(hourlyLive).find((d) => d.name === 'backup')!;
    expect(backup.recordings.map((r) => r.record)).toEqual([BACKUP_DURATION_RECORD]);
  });
});
