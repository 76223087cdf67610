import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { type ApplicationSpecProps, applicationFinalizers, renderApplicationSpec } from './application-spec';
import type { ClusterRegistration } from './cluster-registration';
import { ARGOCD_NAMESPACE } from './constants';
import { SYNC_WAVES, syncWaveAnnotations } from './sync-wave';

export interface ApplicationProps extends ApplicationSpecProps {
  readonly name: string;
  /** The cluster to deploy to. */
  readonly cluster: ClusterRegistration;
  /** Labels of the Application besides the chart's (e.g. the drift policy's classification). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** An Argo CD Application deploying one source to one cluster. */
export class Application extends Construct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: ApplicationProps) {
    super(scope, id);
    this.name = props.name;
    const finalizers = applicationFinalizers(props);
    const app: IApplication = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: props.name,
        namespace: ARGOCD_NAMESPACE,
        ...(props.labels !== undefined ? { labels: { ...props.labels } } : {}),
        ...(props.syncWave !== undefined && props.syncWave !== SYNC_WAVES.default ? { annotations: syncWaveAnnotations(props.syncWave) } : {}),
        ...(finalizers.length > 0 ? { finalizers } : {}),
      },
      spec: renderApplicationSpec(props, props.cluster.destination),
    };
    new ApiObject(this, 'Resource', app);
  }
}
