import { App } from 'cdk8s';
import type { Tier } from '../../constructs/core/tier';
import type { DeliveredWorkloadSpec } from '../../constructs/delivery/delivery-spec';
import type { RolloutSpec } from '../../constructs/delivery/rollout-types';
import { WorkloadChart } from '../../constructs/delivery/workload-chart';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { renderChart } from '../../constructs/synth/render-chart';
import { FIXTURE_COST_CENTRE, FIXTURE_NAMES, FIXTURE_OWNER } from '../support/fixture-environment';
import { fixtureWorkload } from '../support/fixture-workload';

/** The workload's chart in `tier`, with its rendered objects. */
export function renderWorkload(tier: Tier, workload: DeliveredWorkloadSpec = fixtureWorkload()): { chart: WorkloadChart; manifests: KubeManifest[] } {
  const chart = new WorkloadChart(new App(), 'workload', {
    tier,
    workload,
    ownership: { environment: FIXTURE_NAMES[tier], owner: FIXTURE_OWNER, costCentre: FIXTURE_COST_CENTRE },
  });
  return { chart, manifests: renderChart(chart).map((o) => o.manifest) };
}

export function manifestOfKind(manifests: readonly KubeManifest[], kind: string, name?: string): KubeManifest {
  const found = manifests.filter((m) => m.kind === kind && (name === undefined || m.metadata.name === name));
  if (found.length !== 1) throw new Error(`expected one ${kind}${name === undefined ? '' : ` ${name}`}, found ${found.length}`);
  return found[0] as KubeManifest;
}

/** The rendered Rollout's spec of the workload in `tier`. */
export function rolloutSpecIn(tier: Tier, workload: DeliveredWorkloadSpec = fixtureWorkload()): RolloutSpec {
  return manifestOfKind(renderWorkload(tier, workload).manifests, 'Rollout').spec as RolloutSpec;
}
