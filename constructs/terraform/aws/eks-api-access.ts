import type { ApiAccessSpec } from '../../kubernetes/cluster-spec';

/** Every control plane log type EKS has: API calls, audit, authenticator, controller manager, scheduler. */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

const OPEN_TO_ALL = ['0.0.0.0/0', '::/0'];

/** Refuses API access settings that would expose the API server more than the spec means to. */
export function checkApiAccess(where: string, apiAccess: ApiAccessSpec): void {
  const { privateEndpoint, allowedCidrs } = apiAccess;
  const at = `${where}: apiAccess`;
  const problems: string[] = [];
  if (!privateEndpoint && allowedCidrs.length === 0) {
    problems.push(`${at}.allowedCidrs is empty with a public endpoint; EKS would open it to 0.0.0.0/0 (list the admin CIDRs, or set privateEndpoint: true)`);
  }
  const open = allowedCidrs.filter((cidr) => OPEN_TO_ALL.includes(cidr));
  if (open.length > 0) problems.push(`${at}.allowedCidrs contains ${open.join(', ')}: the whole internet (list the CI runners' and VPN egress ranges)`);
  if (privateEndpoint && allowedCidrs.length > 0) {
    problems.push(`${at}.allowedCidrs lists ${allowedCidrs.join(', ')}, which has no effect with privateEndpoint: true (remove them)`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
