import { Chart, type ChartProps } from 'cdk8s';
import type { Construct } from 'constructs';
import type { AppProject } from '../argocd/app-project';
import { Application } from '../argocd/application';
import { ApplicationSet } from '../argocd/application-set';
import { ApplicationSource } from '../argocd/application-source';
import type { ClusterRegistration } from '../argocd/cluster-registration';
import { SYNC_WAVES } from '../argocd/sync-wave';
import type { DriftPolicy } from '../drift/drift-policy';
import { CLUSTER_LABELS } from '../kubernetes/gitops-cdk-labels';
import { RequiredSecret } from '../secrets/required-secret';
import { PLATFORM_ADDONS } from './addon-catalog';
import { type AddonEnvironment, type PlatformAddon, placedClusters } from './addons/platform-addon';
import type { ChartVersions } from './chart-versions';
import { namespaceSyncOptions } from './platform-namespaces';

/** What the add-ons chart reads of the environment: what the add-ons' values read, and the chart versions it pins. */
export interface AddonsEnvironment extends AddonEnvironment {
  readonly charts: ChartVersions;
}

export interface AddonsChartProps extends ChartProps {
  readonly environment: AddonsEnvironment;
  /** The environment's drift policy: the Applications' labels and self-heal (class `platform`). */
  readonly drift: DriftPolicy;
  readonly project: AppProject;
  readonly management: ClusterRegistration;
  /**
   * The add-ons to install, each where its placement says.
   * @default PLATFORM_ADDONS
   */
  readonly addons?: readonly PlatformAddon[];
}

/**
 * The upstream Helm charts of the platform at the versions the environment pins: an
 * ApplicationSet per add-on that runs on every cluster, an Application for Argo CD itself (Argo CD
 * manages its own installation on the management cluster).
 */
export class AddonsChart extends Chart {
  constructor(scope: Construct, id: string, props: AddonsChartProps) {
    super(scope, id, props);
    const { environment, drift } = props;
    const addons = props.addons ?? PLATFORM_ADDONS;
    for (const addon of addons) {
      const common = {
        name: addon.name,
        project: props.project,
        source: ApplicationSource.helmChart(addon.chart, environment.charts[addon.versionKey], addon.values(environment)),
        namespace: addon.namespace,
        ...drift.applicationSettings('platform'),
        syncOptions: { serverSideApply: addon.serverSideApply, ...namespaceSyncOptions(addon.namespace, addons) },
        // Deleting Argo CD's own Application, or a CRD's, must not delete what it installed.
        keepResourcesOnDeletion: addon.crds.length > 0,
        syncWave: addon.crds.length > 0 ? SYNC_WAVES.crdProviders : SYNC_WAVES.default,
      };
      const runsOn = addon.placement === 'management-cluster' ? [props.management.clusterName] : placedClusters(environment, addon.placement).map((c) => c.name);
      // An add-on of a cloud the environment has no cluster on: no ApplicationSet that selects nothing.
      if (runsOn.length === 0) continue;
      for (const secret of addon.secrets?.(environment) ?? []) {
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
        const clusterSelector: Record<string, string> = { [CLUSTER_LABELS.env]: environment.name };
        if (typeof addon.placement === 'object') clusterSelector[CLUSTER_LABELS.cloud] = addon.placement.cloud;
        new ApplicationSet(this, addon.name, { ...common, clusterSelector });
      }
    }
  }
}
