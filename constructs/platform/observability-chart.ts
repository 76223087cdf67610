import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';

/**
 * Monitoring content synced to every cluster (seed WS3's observability sync). The scrape targets
 * of the platform come from the add-on charts' ServiceMonitors (see addon-catalog.ts); alert and
 * recording rules and dashboards are added here by the observability issue. Until then the folder
 * holds only its kustomization and the Applications sync an empty set, which Argo CD reports as
 * Synced and Healthy.
 */
export class ObservabilityChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
  }
}
