import type { JsonValue } from '../../../estate-unit';
import type { ReplacementTable } from './types';

/** customdiff.ForceNewIfChange(..., isBeenEnabled / isPolicyLocked): true before, false now. */
function switchedOff(before: JsonValue | undefined, after: JsonValue | undefined): boolean {
  return before === true && after !== true;
}

/**
 * Force-new attributes of hashicorp/terraform-provider-google v6.50.0 (`git show v6.50.0:<source>`);
 * the KMS resources are generated from GoogleCloudPlatform/magic-modules (mmv1/products/kms/*.yaml,
 * `immutable: true`), the storage bucket and container cluster are handwritten there.
 */
export const GCP_REPLACEMENT: ReplacementTable = {
  provider: 'hashicorp/terraform-provider-google v6.50.0',
  resources: {
    google_storage_bucket: {
      source: 'google/services/storage/resource_storage_bucket.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'location' },
        { attribute: 'project', computed: true },
        { attribute: 'custom_placement_config.data_locations' },
        { attribute: 'enable_object_retention' },
        { attribute: 'hierarchical_namespace', block: true },
        { attribute: 'hierarchical_namespace.enabled' },
        { attribute: 'retention_policy.is_locked', only: { when: 'a locked retention policy unlocked', test: switchedOff } },
      ],
    },
    google_container_cluster: {
      source: 'google/services/container/resource_container_cluster.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'location', computed: true },
        { attribute: 'project', computed: true },
        { attribute: 'description' },
        { attribute: 'network', default: 'default' },
        { attribute: 'subnetwork', computed: true },
        { attribute: 'networking_mode', computed: true },
        { attribute: 'datapath_provider', computed: true },
        { attribute: 'initial_node_count' },
        { attribute: 'default_max_pods_per_node', computed: true },
        { attribute: 'cluster_ipv4_cidr', computed: true },
        { attribute: 'enable_autopilot' },
        { attribute: 'enable_kubernetes_alpha', default: false },
        { attribute: 'enable_tpu' },
        { attribute: 'node_pool', block: true, computed: true },
        { attribute: 'ip_allocation_policy', block: true, computed: true },
        { attribute: 'ip_allocation_policy.cluster_secondary_range_name', computed: true },
        { attribute: 'ip_allocation_policy.services_secondary_range_name', computed: true },
        { attribute: 'ip_allocation_policy.cluster_ipv4_cidr_block', computed: true },
        { attribute: 'ip_allocation_policy.services_ipv4_cidr_block', computed: true },
        { attribute: 'private_cluster_config.enable_private_nodes' },
        { attribute: 'private_cluster_config.master_ipv4_cidr_block', computed: true },
        { attribute: 'private_cluster_config.private_endpoint_subnetwork' },
        { attribute: 'master_auth.client_certificate_config.issue_client_certificate' },
        { attribute: 'confidential_nodes.enabled' },
        { attribute: 'enable_l4_ilb_subsetting', only: { when: 'L4 ILB subsetting switched off', test: switchedOff } },
        { attribute: 'enable_fqdn_network_policy', only: { when: 'FQDN network policy switched off', test: switchedOff } },
      ],
    },
    google_kms_key_ring: {
      source: 'google/services/kms/resource_kms_key_ring.go',
      attributes: [{ attribute: 'name' }, { attribute: 'location' }, { attribute: 'project', computed: true }],
    },
    google_kms_crypto_key: {
      source: 'google/services/kms/resource_kms_crypto_key.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'key_ring' },
        { attribute: 'purpose', default: 'ENCRYPT_DECRYPT' },
        { attribute: 'destroy_scheduled_duration', computed: true },
        { attribute: 'import_only', computed: true },
        { attribute: 'crypto_key_backend', computed: true },
        { attribute: 'version_template.protection_level', default: 'SOFTWARE' },
      ],
    },
  },
};
