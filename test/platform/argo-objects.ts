import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import type { PlatformAddon } from '../../constructs/platform/addons/platform-addon';
import { placedClusters } from '../../constructs/platform/addons/platform-addon';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import type { EnvironmentSpec } from '../../environments/types';
import { manifestOf, manifestsOf, type objectsOf, typed } from './render-environment';

/** Readers of the Argo CD objects one environment renders, for the environment-knobs tests. */

/** The add-ons that run somewhere in `spec` (a cloud's add-on is left out where it has no cluster). */
export function placedAddons(spec: EnvironmentSpec): PlatformAddon[] {
  return PLATFORM_ADDONS.filter((addon) => placedClusters(spec, addon.placement).length > 0);
}

export type ApplicationSpec = IApplication['spec'];
export type ClusterConfig = {
  awsAuthConfig?: { clusterName: string; roleARN: string };
  execProviderConfig?: { command: string; args: string[]; env?: Record<string, string>; apiVersion: string };
  tlsClientConfig: { insecure: boolean; caData?: string };
};

/** Argo CD Applications and ApplicationSets of one environment (everything with an application spec). */
export function argoApps(objects: ReturnType<typeof objectsOf>): KubeManifest[] {
  return objects.map((o) => o.manifest).filter((m) => m.kind === 'Application' || m.kind === 'ApplicationSet');
}

export function configData(objects: ReturnType<typeof objectsOf>, name: string): Record<string, string> {
  return typed<IConfigMap>(manifestOf(objects, 'ConfigMap', name)).data ?? {};
}

export function clusterSecrets(objects: ReturnType<typeof objectsOf>): ISecret[] {
  return manifestsOf(objects, 'Secret')
    .filter((m) => m.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster')
    .map((m) => typed<ISecret>(m));
}

export function clusterSecret(objects: ReturnType<typeof objectsOf>, cluster: string): ISecret {
  return typed<ISecret>(manifestOf(objects, 'Secret', `cluster-${cluster}`));
}

export function clusterConfig(secret: ISecret): ClusterConfig {
  return JSON.parse(secret.stringData?.config ?? 'null') as ClusterConfig;
}

export function project(objects: ReturnType<typeof objectsOf>): IAppProject {
  return typed<IAppProject>(manifestOf(objects, 'AppProject', 'platform'));
}

export function rolePolicies(objects: ReturnType<typeof objectsOf>, role: string): string[] {
  return project(objects).spec.roles?.find((r) => r.name === role)?.policies ?? [];
}

export function withPrune(spec: EnvironmentSpec, prune: boolean): EnvironmentSpec {
  return { ...spec, sync: { ...spec.sync, prune } };
}
