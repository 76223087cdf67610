import { backupStoreRetention } from '../../constructs/core/backup-contract';
import type { RuleEnvironment, TerraformRuleEnvironment } from '../../constructs/rules/types';
import { standardTags } from '../../constructs/terraform/tags';
import type { EnvironmentSpec } from '../../environments/types';

/** What every rule may know of an environment: its name and tier. */
export function ruleEnvironment(spec: EnvironmentSpec): RuleEnvironment {
  return { name: spec.name, tier: spec.tier };
}

/** What Terraform rules compare resources with: the spec's tags, infrastructure, clusters and backup stores. */
export function terraformRuleEnvironment(spec: EnvironmentSpec): TerraformRuleEnvironment {
  return {
    ...ruleEnvironment(spec),
    tags: standardTags(spec),
    infrastructure: spec.infrastructure,
    clusters: spec.clusters,
    backupStores: backupStoreRetention(spec),
    tenantBudgets: Object.fromEntries((spec.tenants ?? []).map((tenant) => [tenant.name, tenant.budget])),
  };
}
