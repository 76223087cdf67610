import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import type { EnvironmentClusters } from '../../kubernetes/environment-clusters';

/** Template delimiters Argo CD would evaluate inside a value meant to be literal. */
const TEMPLATE_DELIMITER = /\{\{|\}\}/;

/**
 * A Helm value that differs between the clusters of an environment.
 *
 * An add-on placed on every cluster is one ApplicationSet per environment; its cluster generator
 * renders the whole Helm values text as a Go template per cluster. A value that depends on the
 * cluster (its cloud, account, identity) therefore becomes a switch on the cluster name, computed
 * here from the environment's clusters, so adding a cluster adds its branch. A value equal on every
 * cluster is written plainly. Clusters whose value is empty get no branch (the switch renders '').
 *
 * Raw strings (backquotes) keep the template free of double quotes, which the YAML writer would
 * escape with backslashes that Go templates do not understand.
 *
 * @param field where the value goes, for error messages (e.g. `fluent-bit/config.outputs`)
 * @throws Error when a cluster's value contains `{{` or `}}` (Argo CD would evaluate it)
 */
export function perClusterValue(environment: EnvironmentClusters, field: string, valueFor: (cluster: ClusterSpec) => string): string {
  const values = environment.clusters.map((cluster) => ({ cluster: cluster.name, value: valueFor(cluster) }));
  const templated = values.filter(({ value }) => TEMPLATE_DELIMITER.test(value));
  if (templated.length > 0) {
    const clusters = templated.map(({ cluster }) => cluster).join(', ');
    throw new Error(
      `${environment.name}/addons/${field}: the value for cluster(s) ${clusters} contains "{{" or "}}", which the ` +
        'ApplicationSet would evaluate as a Go template (write the value without template delimiters)',
    );
  }
  const distinct = new Set(values.map(({ value }) => value));
  if (distinct.size <= 1) return values[0]?.value ?? '';
  const branches = values.filter(({ value }) => value !== '').map(({ cluster, value }, index) => `{{ ${index === 0 ? 'if' : 'else if'} eq .name \`${cluster}\` }}${value}`);
  return `${branches.join('')}{{ end }}`;
}
