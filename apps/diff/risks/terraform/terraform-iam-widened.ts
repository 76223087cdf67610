import { unitLabel } from '../../estate-unit';
import { highInProduction, type RiskRule } from '../risk-rule';
import { iamType } from './iam';

/**
 * An IAM grant or trust widened: more actions, resources or principals, a wildcard, a Deny gone, a
 * condition dropped or loosened (the `:sub`/`:aud` of an OIDC trust above all), an admin policy or
 * broad role granted, a wider scope, another issuer or subject trusted. What widens for each block
 * type is in the per-cloud tables (iam/*.ts). A new block is weighed only for what needs reading
 * whatever the context (admin, public, broad roles): the estate adds many ordinary grants with
 * every cluster.
 */
export const terraformIamWidened: RiskRule<'terraform'> = {
  id: 'terraform-iam-widened',
  engine: 'terraform',
  title: 'an IAM grant or trust widened (actions, resources, principals, conditions, roles, scopes, federated subjects)',
  check(change, context) {
    const unit = change.head ?? change.base;
    if (unit === undefined) return [];
    const table = iamType(unit);
    if (table === undefined) return [];
    return table.widenings(change.base?.body, change.head?.body).map((widening) => ({
      level: highInProduction(context.tier),
      reason: `${unitLabel(unit)}: ${widening.what}; ${widening.trust === true ? 'trust' : 'grant'} widened in ${context.tier}`,
      ...(widening.path !== undefined ? { path: widening.path } : {}),
    }));
  },
};
