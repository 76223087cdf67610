import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { clusterName, isClusterSecret, secretEntries } from './kubernetes-objects';

function clusterServer(unit: KubernetesUnit): string {
  // Argo CD trims a trailing slash from the server it reads (argo-cd v2.13.2 util/db/cluster.go, SecretToCluster).
  return (secretEntries(unit.body).get('server') ?? '').replace(/\/+$/, '');
}

/**
 * A cluster registered with Argo CD (a Secret labelled `argocd.argoproj.io/secret-type: cluster`)
 * appears, disappears or changes identity. Argo CD matches an Application's destination to a cluster
 * by `server` or by `name` (argo-cd v2.13.2 util/argo/argo.go, ValidateDestination and getDestinationServer):
 * once neither matches, the Application shows Unknown and nothing syncs there; a name that points at
 * another server sends every Application targeting it by name to that server.
 */
export const clusterAddedOrRemoved: RiskRule<'kubernetes'> = {
  id: 'cluster-added-or-removed',
  engine: 'kubernetes',
  title: 'an Argo CD cluster registered, unregistered or re-pointed',
  check(change, context) {
    const base = isClusterSecret(change.base) ? change.base : undefined;
    const head = isClusterSecret(change.head) ? change.head : undefined;
    if (base === undefined && head !== undefined) {
      return [{ level: 'low', reason: `${unitLabel(head)}: cluster ${clusterName(head)} registered with Argo CD (server ${clusterServer(head)}); Applications may now target it` }];
    }
    if (base !== undefined && head === undefined) {
      const how = change.head === undefined ? 'removed' : 'no longer labelled as a cluster';
      return [
        {
          level: highInProduction(context.tier),
          reason: `${unitLabel(base)}: cluster ${clusterName(base)} (server ${clusterServer(base)}) ${how}: Argo CD stops managing it; Applications targeting it go Unknown and stop syncing`,
        },
      ];
    }
    if (base === undefined || head === undefined) return [];
    const findings: RiskFinding[] = [];
    const [nameBefore, nameAfter] = [clusterName(base), clusterName(head)];
    const [serverBefore, serverAfter] = [clusterServer(base), clusterServer(head)];
    if (serverBefore !== serverAfter) {
      findings.push({
        level: highInProduction(context.tier),
        reason: `${unitLabel(head)}: cluster ${nameAfter} re-pointed, server ${serverBefore} -> ${serverAfter}: Applications targeting it by name deploy to the new server; those targeting the old server go Unknown`,
        path: 'server',
      });
    }
    if (nameBefore !== nameAfter) {
      findings.push({
        level: highInProduction(context.tier),
        reason: `${unitLabel(head)}: cluster renamed ${nameBefore} -> ${nameAfter}: Applications and ApplicationSets targeting destination.name ${nameBefore} stop resolving`,
        path: 'name',
      });
    }
    return findings;
  },
};
