import { App } from 'cdk8s';
import type { Tier } from '../../constructs/core/tier';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { renderChart } from '../../constructs/synth/render-chart';
import { TenantChart } from '../../constructs/tenancy/tenant-chart';
import type { TenantSpec } from '../../constructs/tenancy/tenant-spec';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureTenant, fixtureTenantEnvironment } from '../support/fixture-tenant';

/** The tenant's chart on one cluster of its fixture environment (the first by default), in a bare cdk8s App. */
export function renderTenant(
  tenant: TenantSpec = fixtureTenant(),
  tier: Tier = 'development',
  clusterIndex = 0,
): { environment: EnvironmentSpec; chart: TenantChart; manifests: KubeManifest[] } {
  const environment = fixtureTenantEnvironment(tier, [tenant]);
  const cluster = environment.clusters[clusterIndex];
  if (cluster === undefined) throw new Error(`the ${tier} fixture has no cluster ${clusterIndex}`);
  const chart = new TenantChart(new App(), 'tenant', { environment, tenant, cluster });
  return { environment, chart, manifests: renderChart(chart).map((o) => o.manifest) };
}

/** The one rendered object of this kind and name in this namespace. */
export function objectOf(manifests: readonly KubeManifest[], kind: string, name: string, namespace?: string): KubeManifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name === name && (namespace === undefined || m.metadata.namespace === namespace));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as KubeManifest;
}
