import { unitLabel } from '../../estate-unit';
import type { RiskFinding, RiskRule } from '../risk-rule';
import { isAppProject } from './kubernetes-objects';
import { describeWindow, durationSeconds, overlaps, pairWindows, type SyncWindow, syncWindows, uncoveredEntries } from './sync-windows';

/**
 * What weakens a project's sync windows, as Argo CD v2.13.2 decides a sync
 * (pkg/apis/application/v1alpha1/types.go, SyncWindows.CanSync with the windows Matches gives an
 * Application): an active `deny` window blocks (manual syncs pass only if every active deny has
 * manualSync); else an active `allow` window permits; else, when the Application matches any
 * `allow` window, it is blocked outside them (manual syncs pass only if every inactive allow has
 * manualSync); an Application no window matches syncs at any time. So an allow window restricts
 * the Applications it matches to its hours: removing the last one that matches an Application frees
 * it, while adding one to an Application already under allow windows gives it more hours.
 *
 * Weakened: a deny window removed, shortened, re-timed or matching fewer Applications; an allow
 * window removed (where no other allow window matches what it matched), lengthened, re-timed,
 * matching fewer Applications, or added next to allow windows it overlaps; manualSync switched on.
 */
function weakenings(before: readonly SyncWindow[], after: readonly SyncWindow[]): string[] {
  const { changed, removed, added } = pairWindows(before, after);
  const allowsAfter = after.filter((window) => window.kind === 'allow');
  const found: string[] = [];
  for (const window of removed) {
    if (window.kind === 'deny') found.push(`${describeWindow(window)} removed: syncs it blocked now run`);
    else if (window.kind === 'allow' && uncoveredEntries(window, allowsAfter).length > 0) {
      found.push(`${describeWindow(window)} removed: what only it matched (${uncoveredEntries(window, allowsAfter).join(', ')}) may now sync at any time`);
    }
  }
  const allowsKept = before.filter((window) => window.kind === 'allow' && !removed.includes(window));
  for (const window of added) {
    if (window.kind === 'allow' && overlaps(window, allowsKept))
      found.push(`${describeWindow(window)} added: Applications already held to allow windows may also sync in its hours`);
  }
  for (const [was, is] of changed) {
    const changes: string[] = [];
    const [durationBefore, durationAfter] = [durationSeconds(was.duration), durationSeconds(is.duration)];
    if (durationBefore !== undefined && durationAfter !== undefined) {
      if (was.kind === 'deny' && durationAfter < durationBefore) changes.push(`shortened ${was.duration} -> ${is.duration}`);
      if (was.kind === 'allow' && durationAfter > durationBefore) changes.push(`lengthened ${was.duration} -> ${is.duration}`);
    }
    if (was.schedule !== is.schedule) changes.push(`re-timed "${was.schedule}" -> "${is.schedule}"`);
    if (was.timeZone !== is.timeZone) changes.push(`time zone ${was.timeZone} -> ${is.timeZone}`);
    const others = after.filter((window) => window !== is && window.kind === was.kind);
    // An entry dropped from an allow window still under another allow window is held to that one instead.
    const dropped = uncoveredEntries(was, [is, ...(was.kind === 'allow' ? others : [])]);
    if (dropped.length > 0) changes.push(`no longer matches ${dropped.join(', ')}`);
    if (!was.manualSync && is.manualSync) changes.push(`manualSync false -> true (manual syncs pass ${was.kind === 'deny' ? 'during it' : 'outside it'})`);
    if (changes.length > 0) found.push(`${describeWindow(was)} weakened: ${changes.join('; ')}`);
  }
  return found;
}

export const argocdSyncWindowRemoved: RiskRule<'kubernetes'> = {
  id: 'argocd-sync-window-removed',
  engine: 'kubernetes',
  title: 'an AppProject sync window removed or weakened',
  check(change, context) {
    const head = change.head;
    const base = change.base;
    if (head === undefined || base === undefined || !isAppProject(head) || !isAppProject(base)) return [];
    const level = context.tier === 'production' ? 'high' : 'low';
    return weakenings(syncWindows(base.body), syncWindows(head.body)).map(
      (what): RiskFinding => ({ level, reason: `${unitLabel(head)}: ${what} (${context.tier})`, path: 'spec.syncWindows' }),
    );
  },
};
