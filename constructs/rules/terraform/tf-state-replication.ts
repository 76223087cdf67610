import { at, blocks, stringAt } from '../inspect/attributes';
import { companionsOf } from '../inspect/references';
import { isAccessLogTarget, isReplicationDestination, isVersioned, nameAttributes, STORAGE_TYPES } from '../inspect/storage';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext } from '../types';

/** Azure redundancy that keeps a copy in the paired region. */
const GEO_REDUNDANT: ReadonlySet<string> = new Set(['GRS', 'RAGRS', 'GZRS', 'RAGZRS']);

/**
 * Production state survives the loss of its region: versioned state storage (not a log sink, not
 * itself a replica) is replicated to `infrastructure.stateReplica` of its cloud. S3 by a
 * replication configuration, Azure by geo-redundant replication, GCS by a dual- or multi-region
 * location (location names without a dash, such as `EU` or `EUR4`, or custom placement).
 */
export const tfStateReplication: TerraformRule = {
  id: 'tf-state-replication',
  engine: 'terraform',
  level: 'error',
  title: 'Production state is replicated to a second region',
  rationale:
    'Losing the state region would leave production without any record of what Terraform manages. A copy in a ' +
    'second region keeps the estate recoverable while the first one is down.',
  controls: {
    soc2: ['A1.2', 'CC9.1'],
    pciDss: ['12.10.1'],
    iso27001: ['A.5.30', 'A.8.13', 'A.8.14'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: STORAGE_TYPES,
  check(resource, context) {
    if (!isVersioned(resource, context.stackResources)) return NOT_APPLICABLE;
    if (isAccessLogTarget(resource, context.environmentResources) || isReplicationDestination(resource, context.environmentResources)) return NOT_APPLICABLE;
    const cloud = resource.type === 'aws_s3_bucket' ? 'aws' : resource.type === 'azurerm_storage_account' ? 'azure' : 'gcp';
    if (context.environment.infrastructure.stateReplica?.[cloud] === undefined) {
      return nonCompliant(
        `infrastructure.stateReplica.${cloud}`,
        undefined,
        `${context.environment.name} is a production environment but declares no second region for its ${cloud} state`,
        `set infrastructure.stateReplica.${cloud} in the environment spec`,
      );
    }
    if (resource.type === 'aws_s3_bucket') return checkS3(resource, context);
    if (resource.type === 'azurerm_storage_account') {
      const replication = stringAt(resource.attributes, 'account_replication_type');
      if (replication !== undefined && GEO_REDUNDANT.has(replication)) return COMPLIANT;
      return nonCompliant('account_replication_type', replication, 'the account keeps its data in one region', 'set account_replication_type = "GZRS" (or GRS/RAGRS/RAGZRS)');
    }
    const location = stringAt(resource.attributes, 'location');
    const placements = blocks(resource.attributes.custom_placement_config).flatMap((p) => (Array.isArray(p.data_locations) ? p.data_locations : []));
    if (placements.length >= 2 || (location !== undefined && !location.includes('-'))) return COMPLIANT;
    return nonCompliant(
      'location',
      location,
      'the bucket is regional: its data lives in one region',
      'use a dual- or multi-region location (e.g. "EU", "EUR4") or custom_placement_config with two regions',
    );
  },
};

function checkS3(bucket: TerraformResourceView, context: TerraformRuleContext): RuleOutcome {
  const configurations = companionsOf(bucket, context.stackResources, 'aws_s3_bucket_replication_configuration', 'bucket', nameAttributes(bucket));
  const replicated = configurations.flatMap((c) => blocks(c.attributes.rule)).some((rule) => rule.status === 'Enabled' && typeof at(rule, 'destination.bucket') === 'string');
  if (replicated) return COMPLIANT;
  return nonCompliant(
    'aws_s3_bucket_replication_configuration.rule',
    undefined,
    'the bucket is not replicated to another region',
    `add an aws_s3_bucket_replication_configuration with an enabled rule to a bucket in ${context.environment.infrastructure.stateReplica?.aws ?? 'the replica region'}`,
  );
}
