import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import { SealedSecret } from './sealed-secret';
import type { SealedSecretData } from './secrets-spec';

/** The folder (`dist/k8s/<env>/<component>/`) holding one cluster's SealedSecrets. */
export function sealedSecretsComponent(cluster: string): string {
  return `sealed-secrets-${cluster}`;
}

export interface SealedSecretsChartProps extends ChartProps {
  readonly cluster: string;
  /** The environment's sealed values; those of `cluster` are rendered. */
  readonly sealed: readonly SealedSecretData[];
}

/**
 * One cluster's SealedSecrets, in a folder synced to that cluster alone: every controller has its
 * own key, so a Secret needed on two clusters is sealed twice and rendered once per cluster.
 */
export class SealedSecretsChart extends Chart {
  readonly sealedSecrets: readonly SealedSecret[];

  constructor(scope: Construct, id: string, props: SealedSecretsChartProps) {
    super(scope, id, props);
    this.sealedSecrets = props.sealed
      .filter((data) => data.cluster === props.cluster)
      .map((data) => new SealedSecret(this, `${data.namespace}-${data.name}`, { data, ...(props.labels !== undefined ? { labels: props.labels } : {}) }));
  }
}
