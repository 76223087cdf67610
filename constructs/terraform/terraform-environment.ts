import type { BackupSpec } from '../backup/backup-spec';
import type { Tier } from '../core/tier';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { CloudAccounts } from './cloud-accounts';
import type { InfrastructureSpec } from './infrastructure-spec';
import type { TenantBudgetOwner } from './tenant-budgets';

/**
 * What the Terraform stacks read of an environment, and nothing more: its name and tier, who owns
 * and pays for it (the standard tags), its cloud accounts, its clusters, its infrastructure
 * settings and how its backup stores keep what Velero deletes. An environment's full spec has these fields too, so it can be passed as it is.
 */
export interface TerraformEnvironment {
  /** Short DNS-label name: part of resource names, state keys and the `env` tag. */
  readonly name: string;
  /** Stricter settings key off the tier (deletion protection, NAT per zone, log retention). */
  readonly tier: Tier;
  /** Tagged on every cloud resource (`owner`). */
  readonly owner: string;
  /** Tagged on every cloud resource (`cost-centre`). */
  readonly costCentre: string;
  readonly clouds: CloudAccounts;
  readonly clusters: readonly ClusterSpec[];
  readonly infrastructure: InfrastructureSpec;
  /** The backup stores' version retention and replication (the foundation stacks create the stores). */
  readonly backup: Pick<BackupSpec, 'deletedBackupRetentionDays' | 'replicated'>;
  /** The tenants, each with a budget on the cloud spend tagged with it (tenant-budgets.ts). @default - none */
  readonly tenants?: readonly TenantBudgetOwner[];
}
