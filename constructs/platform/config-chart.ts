import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { ADDON_NAMESPACES } from './platform-namespaces';

/**
 * Namespaces whose pods need host access (node-exporter mounts the host and shares its PID and
 * network namespaces); every other platform namespace enforces the baseline Pod Security Standard.
 */
const PRIVILEGED_NAMESPACES: ReadonlySet<string> = new Set(['monitoring']);

/**
 * Cluster-wide configuration synced to every cluster (seed WS3's configuration sync): the
 * platform namespaces with their Pod Security labels. Argo CD's own namespace is created at
 * bootstrap on the management cluster only, so it is not here.
 */
export class ConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    for (const name of ADDON_NAMESPACES.filter((ns) => ns !== 'argocd')) {
      const level = PRIVILEGED_NAMESPACES.has(name) ? 'privileged' : 'baseline';
      const namespace: INamespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name,
          labels: {
            'pod-security.kubernetes.io/enforce': level,
            // Warn and audit at restricted so the gap to the strictest level stays visible.
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/audit': 'restricted',
          },
        },
      };
      new ApiObject(this, name, namespace);
    }
  }
}
