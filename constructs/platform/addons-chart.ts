import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { EnvironmentSpec } from '../../environments/types';
import type { AppProject } from '../argocd/app-project';
import { Application } from '../argocd/application';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { CLUSTER_LABELS } from '../argocd/constants';
import { SYNC_WAVES } from '../argocd/sync-wave';
import { DriftPolicy } from '../drift/drift-policy';
import { RequiredSecret } from '../secrets/required-secret';
import { PLATFORM_ADDONS } from './addon-catalog';
import { placedClusters } from './addons/platform-addon';
import { namespaceSyncOptions } from './platform-namespaces';

export interface AddonsChartProps extends ChartProps {
  readonly spec: EnvironmentSpec;
  readonly project: AppProject;
  readonly management: ClusterRegistration;
}

/**
 * The upstream Helm charts of the platform at the versions the environment pins: an
 * ApplicationSet per add-on that runs on every cluster, an Application for Argo CD itself (Argo CD
 * manages its own installation on the management cluster).
 */
export class AddonsChart extends Chart {
  constructor(scope: Construct, id: string, props: AddonsChartProps) {
    super(scope, id, props);
    const { spec } = props;
    const drift = DriftPolicy.fromSpec(spec);
    for (const addon of PLATFORM_ADDONS) {
      const common = {
        name: addon.name,
        project: props.project,
        source: ApplicationSource.helmChart(addon.chart, spec.charts[addon.versionKey], addon.values(spec)),
        namespace: addon.namespace,
        ...drift.applicationSettings('platform'),
        syncOptions: { serverSideApply: addon.serverSideApply, ...namespaceSyncOptions(addon.namespace) },
        // Deleting Argo CD's own Application, or a CRD's, must not delete what it installed.
        keepResourcesOnDeletion: addon.crds.length > 0,
        syncWave: addon.crds.length > 0 ? SYNC_WAVES.crdProviders : SYNC_WAVES.default,
      };
      const runsOn = addon.placement === 'management-cluster' ? [props.management.clusterName] : placedClusters(spec, addon.placement).map((c) => c.name);
      // An add-on of a cloud the environment has no cluster on: no ApplicationSet that selects nothing.
      if (runsOn.length === 0) continue;
      for (const secret of addon.secrets?.(spec) ?? []) {
        new RequiredSecret(this, `${addon.name}-secret-${secret.name}`, {
          name: secret.name,
          namespace: addon.namespace,
          keys: secret.keys,
          reader: `${addon.name}: ${secret.readBy}`,
          clusters: secret.clusters ?? runsOn,
        });
      }
      if (addon.placement === 'management-cluster') {
        new Application(this, addon.name, { ...common, cluster: props.management });
      } else {
        // The cluster Secrets carry the cloud as a label (cluster-registration.ts): a cloud's add-on selects it.
        const clusterSelector: Record<string, string> = { [CLUSTER_LABELS.env]: spec.name };
        if (typeof addon.placement === 'object') clusterSelector[CLUSTER_LABELS.cloud] = addon.placement.cloud;
        new ApplicationSet(this, addon.name, { ...common, clusterSelector });
      }
    }
  }
}
