import { unitLabel } from '../../estate-unit';
import { highInProduction, type RiskLevel, type RiskRule } from '../risk-rule';
import { iamType } from './iam';
import type { Widening, WideningReach } from './iam/types';
import { storagePurpose } from './storage-purpose';

const LEVEL_ORDER: readonly RiskLevel[] = ['low', 'medium', 'high'];

/** At most this many widenings are named in one reason line; the rest are counted. */
const NAMED = 6;

function reachOf(widening: Widening): WideningReach {
  return widening.reach ?? 'widens';
}

function listed(whats: readonly string[]): string {
  const more = whats.length > NAMED ? ` and ${whats.length - NAMED} more` : '';
  return `${whats.slice(0, NAMED).join('; ')}${more}`;
}

/**
 * An IAM grant or trust widened: more actions, resources or principals, a wildcard, a Deny gone, a
 * condition dropped or loosened (the `:sub`/`:aud` of an OIDC trust above all), an admin policy or
 * broad role granted, a wider scope, another issuer or subject trusted, a role or policy pointed at
 * another document. What widens for each block type is in the per-cloud tables (iam/*.ts). A new
 * block is weighed only for what needs reading whatever the context (admin, public, broad roles):
 * the estate adds many ordinary grants with every cluster.
 *
 * One finding per block, listing what widened, at the level of its widest part: high in production
 * for new actions, principals, wildcards, loosened conditions, removed Denies and documents switched;
 * medium when the block only reaches more resources with the actions it already grants (adding a
 * cluster adds its ARNs to the CI apply role's document); low for references re-pointed to another
 * block of the same type (a rename). On state and report storage, the bucket policy's TLS-only and
 * KMS-only Denies are terraform-storage-weakened's.
 */
export const terraformIamWidened: RiskRule<'terraform'> = {
  id: 'terraform-iam-widened',
  engine: 'terraform',
  title: 'an IAM grant or trust widened (actions, resources, principals, conditions, roles, scopes, federated subjects, another policy document)',
  check(change, context) {
    const unit = change.head ?? change.base;
    if (unit === undefined) return [];
    const table = iamType(unit);
    if (table === undefined) return [];
    const storage = storagePurpose(unit) !== undefined;
    const widenings = table.widenings(change.base?.body, change.head?.body).filter((widening) => !(storage && widening.storageProtection === true));
    if (widenings.length === 0) return [];
    const levelOf = (reach: WideningReach): RiskLevel => (reach === 're-pointed' ? 'low' : reach === 'more resources' ? 'medium' : highInProduction(context.tier));
    const level = widenings.map((widening) => levelOf(reachOf(widening))).reduce((a, b) => (LEVEL_ORDER.indexOf(b) > LEVEL_ORDER.indexOf(a) ? b : a));
    const paths = new Set(widenings.map((widening) => widening.path));
    const path = paths.size === 1 ? widenings[0]?.path : undefined;
    const byReach = (reach: WideningReach): string[] => widenings.filter((widening) => reachOf(widening) === reach).map((widening) => widening.what);
    const parts = [
      ...byReach('widens'),
      ...byReach('other document'),
      ...(byReach('more resources').length > 0 ? [`grants the same actions on more resources: ${byReach('more resources').join(', ')}`] : []),
      ...(byReach('re-pointed').length > 0 ? [`reference re-pointed: ${byReach('re-pointed').join(', ')}`] : []),
    ];
    const trust = widenings.some((widening) => widening.trust === true && reachOf(widening) !== 're-pointed');
    const changedOnly = byReach('widens').length === 0 && byReach('more resources').length === 0 && byReach('other document').length > 0;
    const verdict =
      level === 'low' ? 'a rename keeps the grant; a new target changes it' : `${trust ? 'trust' : 'grant'} ${changedOnly ? 'changed' : 'widened'} in ${context.tier}`;
    return [{ level, reason: `${unitLabel(unit)}: ${listed(parts)}; ${verdict}`, ...(path !== undefined ? { path } : {}) }];
  },
};
