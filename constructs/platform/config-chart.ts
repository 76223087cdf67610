import { Chart, type ChartProps } from 'cdk8s';
import type { Namespace } from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { labelledNamespace } from '../kubernetes/labelled-namespace';
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
  /** cdk8s-plus-28 Namespaces: selectable as NetworkPolicy peers and RBAC namespaces. */
  readonly namespaces: readonly Namespace[];

  constructor(scope: Construct, id: string, props: ConfigChartProps = {}) {
    super(scope, id, props);
    this.namespaces = configNamespaces(props.addons ?? PLATFORM_ADDONS).map((name) => labelledNamespace(this, name, { name, labels: podSecurityLabels(name) }));
  }
}
