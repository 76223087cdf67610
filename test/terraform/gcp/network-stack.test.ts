// The gkeIpRanges tests share this file on purpose: every jest test file loads cdktf and the @cdktf/provider-* modules afresh (~1-1.5 s, here via gcp-test-helpers), which costs more than a small file's tests.

import { GKE_CONTROL_PLANE_RANGE, GKE_POD_RANGE, GKE_SERVICE_RANGE, gkeIpRanges } from '../../../constructs/terraform/gcp/gke-ip-ranges';
import { GCP_NETWORK_OUTPUTS } from '../../../constructs/terraform/gcp/network-stack';
import { networkStackName } from '../../../constructs/terraform/stack-names';
import { at, block } from '../terraform-json';
import { GKE_CASES, gcpBase, gcpJson } from './gcp-test-helpers';

describe.each(GKE_CASES)('GcpNetworkStack for %s', (_name, spec, cluster) => {
  const json = gcpJson(spec, networkStackName('gcp', cluster.name));
  const subnet = block(json, 'google_compute_subnetwork', 'subnet');

  it('is named after the cluster and keeps its state under that name', () => {
    expect(networkStackName('gcp', cluster.name)).toBe(`gcp-network-${cluster.name}`);
    expect(at(json, 'terraform', 'backend', 'gcs', 'prefix')).toBe(`gcp-network-${cluster.name}`);
  });

  it('creates a custom-mode VPC (no automatic subnets)', () => {
    expect(block(json, 'google_compute_network', 'network')).toMatchObject({ name: `${cluster.name}-vpc`, auto_create_subnetworks: false });
  });

  it('uses the cluster network as the primary range, with pod and service secondary ranges', () => {
    expect(subnet).toMatchObject({
      network: '${google_compute_network.network.id}',
      region: cluster.region,
      ip_cidr_range: cluster.networkCidr,
      secondary_ip_range: [
        { range_name: 'pods', ip_cidr_range: '100.64.0.0/16' },
        { range_name: 'services', ip_cidr_range: '100.65.0.0/20' },
      ],
    });
  });

  it('turns on Private Google Access and flow logs', () => {
    expect(subnet.private_ip_google_access).toBe(true);
    expect(subnet.log_config).toEqual({ aggregation_interval: 'INTERVAL_5_SEC', flow_sampling: 0.5, metadata: 'INCLUDE_ALL_METADATA' });
  });

  it('gives the private nodes outbound access through Cloud NAT on a Cloud Router', () => {
    expect(block(json, 'google_compute_router', 'router')).toMatchObject({ network: '${google_compute_network.network.id}', region: cluster.region });
    expect(block(json, 'google_compute_router_nat', 'nat')).toMatchObject({
      router: '${google_compute_router.router.name}',
      nat_ip_allocate_option: 'AUTO_ONLY',
      source_subnetwork_ip_ranges_to_nat: 'LIST_OF_SUBNETWORKS',
      subnetwork: [{ name: '${google_compute_subnetwork.subnet.id}', source_ip_ranges_to_nat: ['ALL_IP_RANGES'] }],
      log_config: { enable: true, filter: 'ERRORS_ONLY' },
    });
  });

  it('publishes the self links and the secondary range names', () => {
    expect(Object.keys(at(json, 'output') as object).sort()).toEqual(Object.keys(GCP_NETWORK_OUTPUTS).sort());
    expect(at(json, 'output', 'network_self_link', 'value')).toBe('${google_compute_network.network.self_link}');
    expect(at(json, 'output', 'subnet_self_link', 'value')).toBe('${google_compute_subnetwork.subnet.self_link}');
    expect(at(json, 'output', 'pods_range_name', 'value')).toBe('${google_compute_subnetwork.subnet.secondary_ip_range[0].range_name}');
    expect(at(json, 'output', 'services_range_name', 'value')).toBe('${google_compute_subnetwork.subnet.secondary_ip_range[1].range_name}');
  });
});

describe('gkeIpRanges', () => {
  const { cluster } = gcpBase();

  it('puts the nodes on the cluster network and pods, services and control plane on the fixed ranges', () => {
    expect(gkeIpRanges(cluster)).toEqual({
      nodes: cluster.networkCidr,
      pods: '100.64.0.0/16',
      services: '100.65.0.0/20',
      controlPlane: '172.16.0.0/28',
    });
  });

  it('gives every cluster the same fixed ranges (each has a VPC of its own)', () => {
    const other = gkeIpRanges({ ...cluster, name: 'other', networkCidr: '10.99.0.0/16' });
    expect([other.pods, other.services, other.controlPlane]).toEqual([GKE_POD_RANGE, GKE_SERVICE_RANGE, GKE_CONTROL_PLANE_RANGE]);
  });

  it('rejects a node range that overlaps the control-plane range', () => {
    expect(() => gkeIpRanges({ ...cluster, networkCidr: '172.16.0.0/16' })).toThrow(/overlaps the control plane range 172\.16\.0\.0\/28/);
  });

  it('rejects more nodes than the pod range holds', () => {
    expect(() => gkeIpRanges({ ...cluster, nodePool: { ...cluster.nodePool, maxNodes: 300 } })).toThrow(/maxNodes 300 exceeds the 256 nodes/);
  });

  it('rejects a node range that is not a CIDR', () => {
    expect(() => gkeIpRanges({ ...cluster, networkCidr: '10.11.0.1/16' })).toThrow(/is not an IPv4 CIDR written as its network address/);
  });
});
