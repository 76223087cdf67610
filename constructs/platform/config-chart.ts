import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { CONFIG_NAMESPACES, podSecurityLabels } from './platform-namespaces';

/**
 * Cluster-wide configuration synced to every cluster (seed WS3's configuration sync): the
 * platform namespaces with their Pod Security labels. Argo CD's own namespace is created at
 * bootstrap on the management cluster only, so it is not here.
 */
export class ConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    for (const name of CONFIG_NAMESPACES) {
      const namespace: INamespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: podSecurityLabels(name) },
      };
      new ApiObject(this, name, namespace);
    }
  }
}
