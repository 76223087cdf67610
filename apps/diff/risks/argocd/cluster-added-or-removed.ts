import type { Tier } from '../../../../constructs/core/tier';
import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { at, objectAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskRule } from '../risk-rule';
import { clusterConfig, clusterName, isClusterSecret, secretEntries } from './kubernetes-objects';

function clusterServer(unit: KubernetesUnit): string {
  // Argo CD trims a trailing slash from the server it reads (argo-cd v2.13.2 util/db/cluster.go, SecretToCluster).
  return (secretEntries(unit.body).get('server') ?? '').replace(/\/+$/, '');
}

/**
 * Whether Argo CD skips verifying the cluster's TLS certificate: `tlsClientConfig.insecure` of the
 * config (argo-cd v2.13.2 pkg/apis/application/v1alpha1/types.go, TLSClientConfig.Insecure, passed to
 * the client's rest.Config): a JSON boolean, absent meaning false.
 */
function skipsTlsVerification(unit: KubernetesUnit): boolean {
  const config = clusterConfig(unit);
  return config !== undefined && config !== 'unreadable' && at(config, 'tlsClientConfig', 'insecure') === true;
}

function insecureFinding(unit: KubernetesUnit, tier: Tier, added: boolean): RiskFinding {
  const what = added ? `does not verify the cluster's certificate: ${clusterName(unit)} registered with` : `no longer verifies the cluster's certificate: ${clusterName(unit)}`;
  return {
    level: highInProduction(tier),
    reason: `${unitLabel(unit)}: Argo CD ${what} tlsClientConfig.insecure ${added ? 'true' : 'false -> true'}; anyone between Argo CD and ${clusterServer(unit)} can pose as the cluster, read what Argo CD sends (manifests, Secrets) and its credentials`,
    // The config is one JSON string entry: the field that changed is the entry.
    path: objectAt(unit.body, 'stringData') !== undefined ? 'stringData.config' : 'data.config',
  };
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
  title: 'an Argo CD cluster registered, unregistered or re-pointed, or its TLS certificate no longer verified',
  check(change, context) {
    const base = isClusterSecret(change.base) ? change.base : undefined;
    const head = isClusterSecret(change.head) ? change.head : undefined;
    if (base === undefined && head !== undefined) {
      return [
        { level: 'low', reason: `${unitLabel(head)}: cluster ${clusterName(head)} registered with Argo CD (server ${clusterServer(head)}); Applications may now target it` },
        ...(skipsTlsVerification(head) ? [insecureFinding(head, context.tier, true)] : []),
      ];
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
    if (skipsTlsVerification(head) && !skipsTlsVerification(base)) findings.push(insecureFinding(head, context.tier, false));
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
