import type { TerraformUnit } from '../../../estate-unit';
import { storagePurpose } from '../storage-purpose';
import { AWS_RESOURCES } from './aws';
import { AZURE_RESOURCES } from './azure';
import { GCP_RESOURCES } from './gcp';
import type { BudgetType, CloudResources, StatefulType } from './types';

/** One table per cloud; a new cloud adds a file here. */
export const CLOUD_RESOURCES: readonly CloudResources[] = [AWS_RESOURCES, AZURE_RESOURCES, GCP_RESOURCES];

/** Why destroying this resource loses data or protection in any tier, or undefined for an ordinary resource. */
export function statefulReason(unit: TerraformUnit): string | undefined {
  if (unit.block !== 'resource') return undefined;
  const entry: StatefulType | undefined = CLOUD_RESOURCES.flatMap((cloud) => cloud.stateful).find((stateful) => stateful.type === unit.type);
  if (entry === undefined) return undefined;
  if (entry.onlyStateOrReports === true && storagePurpose(unit) === undefined) return undefined;
  return entry.why;
}

export function isCluster(unit: TerraformUnit): boolean {
  return unit.block === 'resource' && CLOUD_RESOURCES.some((cloud) => unit.type !== undefined && cloud.clusterTypes.includes(unit.type));
}

export function budgetType(unit: TerraformUnit): BudgetType | undefined {
  if (unit.block !== 'resource') return undefined;
  return CLOUD_RESOURCES.flatMap((cloud) => cloud.budgets).find((budget) => budget.type === unit.type);
}
