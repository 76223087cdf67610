import type { JsonValue } from '../../../estate-unit';
import type { ReplacementTable } from './types';

const REPLICATION_WITHOUT_ZONES = ['LRS', 'GRS', 'RAGRS'];
const REPLICATION_ACROSS_ZONES = ['ZRS', 'GZRS', 'RAGZRS'];

/** storage_account_resource.go CustomizeDiff: moving between zone-redundant and non-zone-redundant replication recreates the account. */
function crossesZoneRedundancy(before: JsonValue | undefined, after: JsonValue | undefined): boolean {
  const from = String(before).toUpperCase();
  const to = String(after).toUpperCase();
  return (REPLICATION_WITHOUT_ZONES.includes(from) && REPLICATION_ACROSS_ZONES.includes(to)) || (REPLICATION_ACROSS_ZONES.includes(from) && REPLICATION_WITHOUT_ZONES.includes(to));
}

/**
 * Force-new attributes of hashicorp/terraform-provider-azurerm v4.55.0 (`git show v4.55.0:<source>`).
 * `location` and `resource_group_name` come from go-azure-helpers commonschema.Location() and
 * ResourceGroupName() (vendor/github.com/hashicorp/go-azure-helpers/resourcemanager/commonschema), both ForceNew.
 */
export const AZURE_REPLACEMENT: ReplacementTable = {
  provider: 'hashicorp/terraform-provider-azurerm v4.55.0',
  resources: {
    azurerm_resource_group: {
      source: 'internal/services/resource/resource_group_resource.go',
      attributes: [{ attribute: 'name' }, { attribute: 'location' }],
    },
    azurerm_storage_account: {
      source: 'internal/services/storage/storage_account_resource.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'resource_group_name' },
        { attribute: 'location' },
        { attribute: 'account_tier' },
        { attribute: 'edge_zone' },
        { attribute: 'provisioned_billing_model_version' },
        { attribute: 'immutability_policy', block: true },
        { attribute: 'is_hns_enabled', default: false },
        { attribute: 'nfsv3_enabled', default: false },
        { attribute: 'infrastructure_encryption_enabled', default: false },
        { attribute: 'dns_endpoint_type', default: 'Standard' },
        { attribute: 'queue_encryption_key_type', default: 'Service' },
        { attribute: 'table_encryption_key_type', default: 'Service' },
        {
          attribute: 'account_kind',
          default: 'StorageV2',
          only: { when: 'any kind change but the Storage -> StorageV2 upgrade', test: (before, after) => !(before === 'Storage' && after === 'StorageV2') },
        },
        { attribute: 'account_replication_type', only: { when: 'replication moved across zone redundancy (LRS/GRS/RAGRS <-> ZRS/GZRS/RAGZRS)', test: crossesZoneRedundancy } },
      ],
    },
    azurerm_key_vault: {
      source: 'internal/services/keyvault/key_vault_resource.go',
      attributes: [{ attribute: 'name' }, { attribute: 'location' }, { attribute: 'resource_group_name' }],
    },
    azurerm_kubernetes_cluster: {
      source: 'internal/services/containers/kubernetes_cluster_resource.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'location' },
        { attribute: 'resource_group_name' },
        { attribute: 'dns_prefix' },
        { attribute: 'dns_prefix_private_cluster' },
        { attribute: 'disk_encryption_set_id' },
        { attribute: 'edge_zone' },
        { attribute: 'node_resource_group', computed: true },
        { attribute: 'private_cluster_enabled', default: false },
        { attribute: 'private_dns_zone_id', computed: true },
        { attribute: 'role_based_access_control_enabled', default: true },
        { attribute: 'kubelet_identity.client_id', computed: true },
        { attribute: 'kubelet_identity.object_id', computed: true },
        { attribute: 'kubelet_identity.user_assigned_identity_id', computed: true },
        { attribute: 'linux_profile.admin_username' },
        { attribute: 'linux_profile.ssh_key.key_data' },
        { attribute: 'windows_profile.admin_username' },
        { attribute: 'network_profile.network_plugin' },
        { attribute: 'network_profile.network_mode', computed: true },
        { attribute: 'network_profile.dns_service_ip', computed: true },
        { attribute: 'network_profile.pod_cidr', computed: true },
        { attribute: 'network_profile.pod_cidrs', computed: true },
        { attribute: 'network_profile.service_cidr', computed: true },
        { attribute: 'network_profile.service_cidrs', computed: true },
        { attribute: 'network_profile.ip_versions', computed: true },
        { attribute: 'network_profile.load_balancer_sku', default: 'standard' },
        // CustomizeDiff: ForceNewIfChange on these three, ForceNewIf on the default pool's name (unless it is a rotation back from temporary_name_for_rotation).
        {
          attribute: 'network_profile.network_policy',
          only: { when: 'a network policy already set is changed or removed', test: (before) => before !== undefined && before !== '' },
        },
        {
          attribute: 'network_profile.network_plugin_mode',
          only: { when: 'any plugin mode other than overlay', test: (_before, after) => String(after ?? '').toLowerCase() !== 'overlay' },
        },
        { attribute: 'network_profile.network_data_plane', only: { when: 'a data plane already set is changed', test: (before) => before !== undefined && before !== '' } },
        { attribute: 'default_node_pool.name' },
        { attribute: 'api_server_access_profile.subnet_id', only: { when: 'the API server subnet removed', test: (before, after) => before !== undefined && after === undefined } },
      ],
    },
  },
};
