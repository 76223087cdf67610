import type { ReplacementTable } from './types';

/**
 * Force-new attributes of hashicorp/terraform-provider-aws for the types the estate uses. Not read
 * at the pinned v6.25.0: the repository is too large to bring here (0.9 GB) and the Go module proxy
 * does not serve that version. The schemas were read from the search index's stored copies of the
 * files named in `source` (of an unknown 6.x release; the one version file stored says 6.36.0, so
 * later than the pin; iam/role.go's copy is older), and the aws_s3_bucket entries from its
 * documentation ("Forces new resource"). Each attribute listed is ForceNew in those copies; a
 * provider bump is the moment to read them again at the new pin.
 */
export const AWS_REPLACEMENT: ReplacementTable = {
  provider: 'hashicorp/terraform-provider-aws v6.25.0',
  resources: {
    aws_s3_bucket: {
      source: 'internal/service/s3/bucket.go',
      attributes: [
        { attribute: 'bucket', computed: true },
        { attribute: 'bucket_prefix', computed: true },
        { attribute: 'object_lock_enabled', computed: true },
      ],
    },
    aws_kms_key: {
      source: 'internal/service/kms/key.go',
      attributes: [
        { attribute: 'custom_key_store_id' },
        { attribute: 'customer_master_key_spec', default: 'SYMMETRIC_DEFAULT' },
        { attribute: 'key_usage', default: 'ENCRYPT_DECRYPT' },
        { attribute: 'multi_region', computed: true },
        { attribute: 'xks_key_id' },
      ],
    },
    aws_eks_cluster: {
      source: 'internal/service/eks/cluster.go',
      attributes: [
        { attribute: 'name' },
        { attribute: 'role_arn' },
        { attribute: 'bootstrap_self_managed_addons', default: true },
        { attribute: 'access_config.bootstrap_cluster_creator_admin_permissions', default: true },
        { attribute: 'kubernetes_network_config.ip_family', computed: true },
        { attribute: 'kubernetes_network_config.service_ipv4_cidr', computed: true },
        { attribute: 'remote_network_config', block: true },
        // CustomizeDiff ForceNewIfChange("encryption_config"): envelope encryption cannot be switched off in place.
        { attribute: 'encryption_config', only: { when: 'envelope encryption removed', test: (before, after) => before !== undefined && after === undefined } },
      ],
    },
    aws_eks_node_group: {
      source: 'internal/service/eks/node_group.go',
      attributes: [
        { attribute: 'cluster_name' },
        { attribute: 'node_role_arn' },
        { attribute: 'subnet_ids' },
        { attribute: 'ami_type', computed: true },
        { attribute: 'capacity_type', computed: true },
        { attribute: 'disk_size', computed: true },
        { attribute: 'instance_types', computed: true },
        { attribute: 'node_group_name', computed: true },
        { attribute: 'node_group_name_prefix', computed: true },
        { attribute: 'launch_template.id', computed: true },
        { attribute: 'launch_template.name', computed: true },
        { attribute: 'remote_access', block: true },
        { attribute: 'remote_access.ec2_ssh_key' },
        { attribute: 'remote_access.source_security_group_ids' },
      ],
    },
    aws_vpc: {
      source: 'internal/service/ec2/vpc_.go',
      attributes: [{ attribute: 'cidr_block', computed: true }, { attribute: 'ipv4_ipam_pool_id' }, { attribute: 'ipv4_netmask_length' }],
    },
    aws_subnet: {
      source: 'internal/service/ec2/vpc_subnet.go',
      attributes: [
        { attribute: 'vpc_id' },
        { attribute: 'cidr_block', computed: true },
        { attribute: 'availability_zone', computed: true },
        { attribute: 'availability_zone_id', computed: true },
        { attribute: 'ipv4_ipam_pool_id' },
        { attribute: 'ipv4_netmask_length' },
        { attribute: 'ipv6_ipam_pool_id' },
        { attribute: 'ipv6_native', default: false },
        { attribute: 'ipv6_netmask_length' },
        { attribute: 'outpost_arn' },
      ],
    },
    aws_iam_role: {
      source: 'internal/service/iam/role.go',
      attributes: [
        { attribute: 'name', computed: true },
        { attribute: 'name_prefix', computed: true },
        { attribute: 'path', default: '/' },
      ],
    },
    aws_iam_openid_connect_provider: {
      source: 'internal/service/iam/openid_connect_provider.go',
      attributes: [{ attribute: 'url' }],
    },
  },
};
