import { argocdSyncWindowRemoved } from '../../../../apps/diff/risks/argocd/argocd-sync-window-removed';
import { durationSeconds } from '../../../../apps/diff/risks/argocd/sync-windows';
import { findings, kubernetesChange } from '../../change-builders';
import { listOf, platformProject, platformWith } from './app-projects';

// The production window of dist/k8s/prod/projects/appproject-platform.yaml: syncs Monday to Thursday from 08:00 Berlin time, for 8 hours.
const WEEKDAY_ALLOW = listOf('syncWindows')[0] as Record<string, unknown>;
const FREEZE = { kind: 'deny', schedule: '0 0 20 12 *', duration: '336h', namespaces: ['kyverno', 'argocd'], timeZone: 'Europe/Berlin' };

const withWindows = (...windows: object[]): object => platformWith('syncWindows', windows);

describe('argocd-sync-window-removed', () => {
  it("flags production's only allow window removed (high): every Application may then sync at any time", () => {
    const result = findings(argocdSyncWindowRemoved, kubernetesChange(platformProject(), withWindows()), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'spec.syncWindows' })]);
    expect(result[0]?.reason).toContain('AppProject argocd/platform: allow window "0 8 * * 1-4" for 8h (Europe/Berlin) on applications * removed');
    expect(result[0]?.reason).toContain('(applications *) may now sync at any time');
  });

  it('flags a deny window shortened and narrowed, low outside production', () => {
    const narrowed = { ...FREEZE, duration: '168h', namespaces: ['kyverno'] };
    const result = findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(FREEZE), withWindows(narrowed), 'staging'), 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'low' })]);
    expect(result[0]?.reason).toContain('weakened: shortened 336h -> 168h; no longer matches namespaces argocd');
  });

  it('flags a deny window removed, re-timed, or opened to manual syncs', () => {
    expect(findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(WEEKDAY_ALLOW, FREEZE), withWindows(WEEKDAY_ALLOW)), 'production')[0]?.reason).toContain(
      'deny window "0 0 20 12 *" for 336h (Europe/Berlin) on namespaces kyverno, argocd removed',
    );
    const moved = findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(FREEZE), withWindows({ ...FREEZE, schedule: '0 0 27 12 *', manualSync: true })), 'production');
    expect(moved[0]?.reason).toContain('re-timed "0 0 20 12 *" -> "0 0 27 12 *"; manualSync false -> true (manual syncs pass during it)');
  });

  it('flags an allow window added or lengthened where allow windows already hold the Applications', () => {
    const weekend = { applications: ['*-kyverno'], duration: '48h', kind: 'allow', schedule: '0 0 * * 6' };
    const added = findings(argocdSyncWindowRemoved, kubernetesChange(platformProject(), withWindows(WEEKDAY_ALLOW, weekend)), 'production');
    expect(added[0]?.reason).toContain('allow window "0 0 * * 6" for 48h (UTC) on applications *-kyverno added');
    const longer = findings(argocdSyncWindowRemoved, kubernetesChange(platformProject(), withWindows({ ...WEEKDAY_ALLOW, duration: '12h' })), 'production');
    expect(longer[0]?.reason).toContain('lengthened 8h -> 12h');
  });

  it('does not flag a tightening: a deny window added, the allow window shortened or widened to more Applications, the first allow window of dev added', () => {
    expect(findings(argocdSyncWindowRemoved, kubernetesChange(platformProject(), withWindows(WEEKDAY_ALLOW, FREEZE)), 'production')).toEqual([]);
    expect(findings(argocdSyncWindowRemoved, kubernetesChange(platformProject(), withWindows({ ...WEEKDAY_ALLOW, duration: '6h' })), 'production')).toEqual([]);
    expect(
      findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(FREEZE), withWindows({ ...FREEZE, namespaces: ['kyverno', 'argocd', 'monitoring'] })), 'production'),
    ).toEqual([]);
    expect(findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(), withWindows(WEEKDAY_ALLOW), 'dev'), 'development')).toEqual([]);
  });

  it('does not flag an allow window removed while another allow window still matches every Application', () => {
    const mornings = { ...WEEKDAY_ALLOW, duration: '4h' };
    expect(
      findings(argocdSyncWindowRemoved, kubernetesChange(withWindows(WEEKDAY_ALLOW, { ...mornings, applications: ['prod-*'] }), withWindows(WEEKDAY_ALLOW)), 'production'),
    ).toEqual([]);
  });

  it('reads Go durations', () => {
    expect([durationSeconds('8h'), durationSeconds('1h30m'), durationSeconds('1.5h'), durationSeconds('eight')]).toEqual([28800, 5400, 5400, undefined]);
  });
});
