import { ARGO_CD_ADDON, ARGO_CD_CONTROLLER_SHARDS } from '../../constructs/platform/addons/argo-cd';
import { haReplicas, ZONE_TOPOLOGY_KEY, zoneSpread } from '../../constructs/platform/addons/ha-replicas';
import { KYVERNO_ADDON } from '../../constructs/platform/addons/kyverno';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

/** A nested value of the values, read through `unknown`. */
function at(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), values);
}

const ENVS = ENVIRONMENTS.map((spec) => [spec.name, spec] as const);

describe.each(ENVS)('argo-cd in %s', (_name, spec) => {
  const values = ARGO_CD_ADDON.values(spec);

  it('runs one application controller: its replicas are shards (ARGOCD_CONTROLLER_REPLICAS), not copies', () => {
    expect(ARGO_CD_CONTROLLER_SHARDS).toBe(1);
    expect(at(values, 'controller.replicas')).toBe(1);
  });

  it('evicts the controller 30 s after its node stops answering, so the StatefulSet restarts it elsewhere', () => {
    expect(at(values, 'controller.tolerations')).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 },
    ]);
  });

  it('runs the redis exporter its redis ServiceMonitor scrapes (the metrics Service selects the exporter port)', () => {
    // argo-helm charts/argo-cd/templates/redis/deployment.yaml adds the `metrics` container port
    // only with redis.exporter.enabled; metrics.yaml and servicemonitor.yaml need redis.metrics.enabled.
    expect(at(values, 'redis.metrics.enabled')).toBe(true);
    expect(at(values, 'redis.exporter.enabled')).toBe(true);
  });
});

describe.each(ENVS)('replicas across zones in %s', (_name, spec) => {
  const replicas = haReplicas(spec);
  const zoneConstraint = expect.objectContaining({ topologyKey: ZONE_TOPOLOGY_KEY, maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' });

  it('spreads the Kyverno admission controllers and the Argo CD repo servers by zone wherever there are several', () => {
    const kyverno = KYVERNO_ADDON.values(spec);
    const argoCd = ARGO_CD_ADDON.values(spec);
    if (replicas > 1) {
      expect(at(kyverno, 'admissionController.topologySpreadConstraints')).toEqual([
        expect.objectContaining({ topologyKey: ZONE_TOPOLOGY_KEY, labelSelector: { matchLabels: { 'app.kubernetes.io/component': 'admission-controller' } } }),
      ]);
      expect(at(kyverno, 'admissionController.topologySpreadConstraints')).toEqual([zoneConstraint]);
      // The argo-cd chart adds the repo server's selector labels to a constraint without one.
      expect(at(argoCd, 'repoServer.topologySpreadConstraints')).toEqual([zoneConstraint]);
      expect(at(argoCd, 'repoServer.topologySpreadConstraints.0.labelSelector')).toBeUndefined();
    } else {
      expect(at(kyverno, 'admissionController.topologySpreadConstraints')).toBeUndefined();
      expect(at(argoCd, 'repoServer.topologySpreadConstraints')).toBeUndefined();
    }
  });
});

describe('zoneSpread', () => {
  it('is hard, one zone at most one replica ahead, ignoring tainted (lost) nodes and old ReplicaSets', () => {
    expect(zoneSpread(3, { app: 'x' })).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        nodeTaintsPolicy: 'Honor',
        matchLabelKeys: ['pod-template-hash'],
        labelSelector: { matchLabels: { app: 'x' } },
      },
    ]);
    expect(zoneSpread(1)).toEqual([]);
  });
});
