import { unitLabel } from '../../estate-unit';
import type { RiskRule } from '../risk-rule';
import { isCluster } from './resources';
import { resourceName } from './terraform-body';

/**
 * A Kubernetes cluster (EKS, AKS, GKE: resources/*.ts) added to or removed from the estate. An
 * addition is worth a glance (new capacity, new cost, registered in Argo CD); a removal takes every
 * workload on it, in any tier.
 */
export const terraformClusterAddedOrRemoved: RiskRule<'terraform'> = {
  id: 'terraform-cluster-added-or-removed',
  engine: 'terraform',
  title: 'a Kubernetes cluster (EKS, AKS, GKE) created or removed',
  check(change, context) {
    const unit = change.head ?? change.base;
    if (unit === undefined || !isCluster(unit)) return [];
    const name = resourceName(unit) ?? unit.address;
    if (change.kind === 'added') return [{ level: 'low', reason: `${unitLabel(unit)}: cluster ${name} created in ${context.environment} (${unit.type})` }];
    if (change.kind === 'removed')
      return [{ level: 'high', reason: `${unitLabel(unit)}: cluster ${name} removed from ${context.environment}: Terraform destroys it with every workload running on it` }];
    return [];
  },
};
