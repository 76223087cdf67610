import { GKE_CONTROL_PLANE_RANGE, GKE_POD_RANGE, GKE_SERVICE_RANGE, gkeIpRanges } from '../../../constructs/terraform/gcp/gke-ip-ranges';
import { gcpBase } from './gcp-test-helpers';

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
