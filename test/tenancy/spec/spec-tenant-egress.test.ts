import type { TenantEgressSpec } from '../../../environments/types';
import { fixtureTenant } from '../../support/fixture-tenant';
import { failuresOf, withTenants } from './tenant-rule-results';

const RULE = 'spec-tenant-egress';
const spec = (...egress: TenantEgressSpec[]) => withTenants([fixtureTenant({ egress }), fixtureTenant({ name: 'beta' })]);
const failures = (...egress: TenantEgressSpec[]) => failuresOf(RULE, spec(...egress)).map((f) => `${f.field} ${f.problem}`);

describe(RULE, () => {
  it('accepts an address range outside the clusters, a shared namespace and an IPv6 range, each on ports', () => {
    expect(
      failures(
        { name: 'partner', cidr: '198.51.100.0/24', except: ['198.51.100.128/25'], ports: [{ port: 443 }] },
        { name: 'cache', namespace: 'shared-cache', ports: [{ port: 6379 }] },
        { name: 'v6', cidr: '2001:db8::/32', ports: [{ port: 443, protocol: 'UDP' }] },
      ),
    ).toEqual([]);
  });

  it.each(['0.0.0.0/0', '::/0'])('rejects %s', (cidr) => {
    expect(failures({ name: 'all', cidr, ports: [{ port: 443 }] })).toEqual([expect.stringMatching(/^tenants\[0\]\.egress\[0\]\.cidr opens the whole internet/)]);
  });

  it('rejects a range over a cluster network unless except removes that network', () => {
    const network = spec().clusters[0]!.networkCidr;
    expect(failures({ name: 'wide', cidr: '10.0.0.0/8', ports: [{ port: 443 }] })).toEqual([expect.stringMatching(/cidr covers the network of .*EKS's VPC CNI/)]);
    expect(failures({ name: 'inside', cidr: network.replace(/\/\d+$/, '/24'), ports: [{ port: 443 }] })).toEqual([expect.stringMatching(/covers the network of/)]);
    expect(failures({ name: 'wide', cidr: '10.0.0.0/8', except: [network], ports: [{ port: 443 }] })).toEqual([]);
  });

  it('rejects a malformed range and an except outside it', () => {
    expect(failures({ name: 'bad', cidr: '198.51.100.7/24', ports: [{ port: 443 }] })).toEqual([expect.stringMatching(/not an IPv4 or IPv6 network address/)]);
    expect(failures({ name: 'bad', cidr: '198.51.100.0/24', except: ['203.0.113.0/25'], ports: [{ port: 443 }] })).toEqual([
      expect.stringMatching(/^tenants\[0\]\.egress\[0\]\.except\[0\] is not a range strictly inside/),
    ]);
  });

  it("rejects both or neither destination, another tenant's namespace, no ports and a port out of range", () => {
    expect(failures({ name: 'both', cidr: '198.51.100.0/24', namespace: 'x', ports: [{ port: 443 }] })).toEqual([
      expect.stringMatching(/^tenants\[0\]\.egress\[0\] must name exactly one/),
    ]);
    expect(failures({ name: 'beta', namespace: 'beta', ports: [{ port: 443 }] })).toEqual([expect.stringMatching(/namespace is tenant beta's namespace/)]);
    expect(failures({ name: 'open', cidr: '198.51.100.0/24', ports: [] })).toEqual([expect.stringMatching(/ports lists no port/)]);
    expect(failures({ name: 'far', cidr: '198.51.100.0/24', ports: [{ port: 70000 }] })).toEqual([expect.stringMatching(/ports\[0\]\.port is not a port number/)]);
  });
});
