import { type JsonObject, unitLabel } from '../../estate-unit';
import { at, objectAt } from '../json-values';
import type { RiskRule } from '../risk-rule';
import { clusterConfig, isClusterSecret, isSecret, secretEntries, shortList } from './kubernetes-objects';

/**
 * The entries Argo CD v2.13.2 reads from a cluster Secret (util/db/cluster.go, SecretToCluster):
 * anything else in one is unexplained data, weighed as any Secret's.
 */
const CLUSTER_SECRET_ENTRIES = new Set(['name', 'server', 'config', 'namespaces', 'clusterResources', 'project', 'shard']);

/**
 * Fields of the cluster `config` (argo-cd v2.13.2 pkg/apis/application/v1alpha1/types.go,
 * ClusterConfig) that hold a credential: basic auth, a bearer token, a client key. Not credentials:
 * `tlsClientConfig.caData` (the public CA bundle), `certData` (a public client certificate, useless
 * without its key), `awsAuthConfig` (a role ARN Argo CD assumes with its own identity),
 * `execProviderConfig` command and args (a plugin that fetches the token at run time).
 */
const CREDENTIAL_FIELDS: readonly (readonly string[])[] = [['username'], ['password'], ['bearerToken'], ['tlsClientConfig', 'keyData']];

/** Exec provider environment variables that carry a secret by their name (a token or key in the variable itself, not a file path). */
const CREDENTIAL_ENV_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_KEY/i;

/** The credential fields a cluster `config` carries, by name; a config that is not a JSON object cannot be read and counts as one. */
function clusterConfigCredentials(config: JsonObject | 'unreadable' | undefined): string[] {
  if (config === undefined) return [];
  if (config === 'unreadable') return ['config (not a JSON object)'];
  const found = CREDENTIAL_FIELDS.filter((path) => {
    const value = at(config, ...path);
    return typeof value === 'string' && value !== '';
  }).map((path) => path.join('.'));
  const env = objectAt(config, 'execProviderConfig', 'env') ?? {};
  for (const name of Object.keys(env)) if (CREDENTIAL_ENV_NAME.test(name)) found.push(`execProviderConfig.env.${name}`);
  return found;
}

/** The entries whose content differs between the two sides (all entries of an added Secret). */
function changedEntries(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((key) => before.get(key) !== after.get(key)).sort();
}

export const secretWithData: RiskRule<'kubernetes'> = {
  id: 'secret-with-data',
  engine: 'kubernetes',
  title: 'a Secret with data committed to Git in plain text',
  check(change) {
    const head = change.head;
    if (head === undefined || !isSecret(head)) return [];
    const after = secretEntries(head.body);
    const before = change.base !== undefined && isSecret(change.base) ? secretEntries(change.base.body) : new Map<string, string>();
    const changed = changedEntries(before, after);
    // Only new or changed content: a Secret whose labels change leaves what Git already held.
    if (changed.length === 0) return [];
    const label = unitLabel(head);
    const path = objectAt(head.body, 'stringData') !== undefined ? 'stringData' : 'data';
    if (isClusterSecret(head)) {
      const credentials = clusterConfigCredentials(clusterConfig(head));
      const unknownEntries = [...after.keys()].filter((key) => !CLUSTER_SECRET_ENTRIES.has(key));
      // A registration without credentials holds nothing secret: what it registers is cluster-added-or-removed's to weigh.
      if (credentials.length === 0 && unknownEntries.length === 0) return [];
      const what = [...credentials.map((field) => `config.${field}`), ...unknownEntries];
      return [
        { level: 'high', reason: `${label}: cluster Secret carries credentials in plain text in Git (${shortList(what)}); use a SealedSecret or an external secret store`, path },
      ];
    }
    const verb = change.kind === 'added' ? 'committed' : 'changed';
    return [
      { level: 'high', reason: `${label}: ${path} ${verb} in plain text in Git (keys ${shortList(changed)}); anyone who reads the repository reads it; use a SealedSecret`, path },
    ];
  },
};
