import { ApiObject, Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import { PLATFORM_ADDONS } from './addon-catalog';
import type { PlatformAddon } from './addons/platform-addon';
import { configNamespaces, podSecurityLabels } from './platform-namespaces';

export interface ConfigChartProps extends ChartProps {
  /**
   * The add-ons whose namespaces are declared (configNamespaces).
   * @default PLATFORM_ADDONS
   */
  readonly addons?: readonly PlatformAddon[];
}

/**
 * Cluster-wide configuration synced to every cluster (seed WS3's configuration sync): the
 * platform namespaces with their Pod Security labels. Argo CD's own namespace is created at
 * bootstrap on the management cluster only, so it is not here.
 */
export class ConfigChart extends Chart {
  constructor(scope: Construct, id: string, props: ConfigChartProps = {}) {
    super(scope, id, props);
    for (const name of configNamespaces(props.addons ?? PLATFORM_ADDONS)) {
      const namespace: INamespace = {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: podSecurityLabels(name) },
      };
      new ApiObject(this, name, namespace);
    }
  }
}
