import { tfClusterEndpointRestricted as rule } from '../../../constructs/rules/terraform/tf-cluster-endpoint-restricted';
import { checkTerraform, dev, expectCompliant, expectFailure, prod, resource } from '../fixtures';

const ADMIN = ['198.51.100.0/24'];

describe('tf-cluster-endpoint-restricted', () => {
  it('accepts a private EKS endpoint, and a public one limited to listed CIDRs', () => {
    const privateEks = resource('aws_eks_cluster', 'cluster', { name: 'prod-eks-euw1', vpc_config: { endpoint_private_access: true, endpoint_public_access: false } });
    expectCompliant(checkTerraform(rule, privateEks, [privateEks], prod));
    const listed = resource('aws_eks_cluster', 'cluster', { name: 'other', vpc_config: { endpoint_public_access: true, public_access_cidrs: ADMIN } });
    expectCompliant(checkTerraform(rule, listed, [listed], prod));
  });

  it('rejects a public EKS endpoint without CIDRs (the default is 0.0.0.0/0) or with 0.0.0.0/0', () => {
    const defaulted = resource('aws_eks_cluster', 'cluster', { name: 'other', vpc_config: { subnet_ids: [] } });
    expectFailure(checkTerraform(rule, defaulted, [defaulted], prod), { field: 'vpc_config.public_access_cidrs', value: undefined, problem: /defaults to 0.0.0.0\/0/ });
    const open = resource('aws_eks_cluster', 'cluster', { name: 'other', vpc_config: { endpoint_public_access: true, public_access_cidrs: [...ADMIN, '0.0.0.0/0'] } });
    expectFailure(checkTerraform(rule, open, [open], prod), { field: 'vpc_config.public_access_cidrs', value: '0.0.0.0/0' });
  });

  it('rejects a public endpoint for a cluster the spec declares private, even with CIDRs', () => {
    expect(prod.clusters[0]!.apiAccess.privateEndpoint).toBe(true);
    const listed = resource('aws_eks_cluster', 'cluster', { name: prod.clusters[0]!.name, vpc_config: { endpoint_public_access: true, public_access_cidrs: ADMIN } });
    expectFailure(checkTerraform(rule, listed, [listed], prod), { field: 'vpc_config.endpoint_public_access', value: true, problem: /apiAccess.privateEndpoint/ });
  });

  it('accepts a private AKS cluster or authorized IP ranges', () => {
    const isPrivate = resource('azurerm_kubernetes_cluster', 'cluster', { name: 'x', private_cluster_enabled: true });
    expectCompliant(checkTerraform(rule, isPrivate, [isPrivate], dev));
    const ranges = resource('azurerm_kubernetes_cluster', 'cluster', { name: 'dev-aks-weu', api_server_access_profile: { authorized_ip_ranges: ADMIN } });
    expectCompliant(checkTerraform(rule, ranges, [ranges], dev));
  });

  it('rejects an AKS API server open to every address', () => {
    const open = resource('azurerm_kubernetes_cluster', 'cluster', { name: 'dev-aks-weu' });
    expectFailure(checkTerraform(rule, open, [open], dev), { field: 'api_server_access_profile.authorized_ip_ranges', value: undefined });
  });

  it('accepts a GKE private endpoint or authorized networks', () => {
    const isPrivate = resource('google_container_cluster', 'cluster', { name: 'x', private_cluster_config: { enable_private_nodes: true, enable_private_endpoint: true } });
    expectCompliant(checkTerraform(rule, isPrivate, [isPrivate], dev));
    const authorized = resource('google_container_cluster', 'cluster', {
      name: 'dev-gke-euw1',
      master_authorized_networks_config: { cidr_blocks: [{ cidr_block: ADMIN[0], display_name: 'vpn' }] },
    });
    expectCompliant(checkTerraform(rule, authorized, [authorized], dev));
  });

  it('rejects a GKE public endpoint without authorized networks, with 0.0.0.0/0, or open to Google Cloud', () => {
    const open = resource('google_container_cluster', 'cluster', { name: 'dev-gke-euw1' });
    expectFailure(checkTerraform(rule, open, [open], dev), { field: 'master_authorized_networks_config', value: undefined });
    const world = resource('google_container_cluster', 'cluster', { name: 'x', master_authorized_networks_config: { cidr_blocks: [{ cidr_block: '0.0.0.0/0' }] } });
    expectFailure(checkTerraform(rule, world, [world], dev), { field: 'master_authorized_networks_config.cidr_blocks', value: '0.0.0.0/0' });
    const google = resource('google_container_cluster', 'cluster', { name: 'x', master_authorized_networks_config: { gcp_public_cidrs_access_enabled: true } });
    expectFailure(checkTerraform(rule, google, [google], dev), { field: 'master_authorized_networks_config.gcp_public_cidrs_access_enabled' });
  });
});
