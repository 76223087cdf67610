import { ENVIRONMENTS } from '../../environments';
import { field, manifestOf, objectsOf } from '../platform/render-environment';

/**
 * The example estate's delivered workload, pinned like test/estate/reference-estate.test.ts: podinfo
 * in every environment, so dist/ shows each tier's pattern. Update it together with environments/workloads/podinfo.ts.
 */
const rolloutOf = (name: string) => {
  const spec = ENVIRONMENTS.find((e) => e.name === name);
  if (spec === undefined) throw new Error(`no environment ${name}`);
  return manifestOf(objectsOf(spec), 'Rollout', 'podinfo');
};

describe('podinfo, the example delivered workload', () => {
  it('rolls over in dev, runs a canary in staging and blue-green in prod', () => {
    expect(Object.keys(field(rolloutOf('dev'), 'spec.strategy') as object)).toEqual(['canary']);
    expect(field(rolloutOf('dev'), 'spec.strategy.canary.steps')).toBeUndefined();
    expect((field(rolloutOf('staging'), 'spec.strategy.canary.steps') as unknown[]).length).toBe(6);
    expect(field(rolloutOf('prod'), 'spec.strategy.blueGreen.autoPromotionEnabled')).toBe(false);
  });

  it('runs the mirrored image, by tag before production and by digest in it', () => {
    const image = (env: string) => field(rolloutOf(env), 'spec.template.spec.containers.0.image');
    expect(image('dev')).toBe('registry.gitops-cdk.example/stefanprodan/podinfo:6.14.1');
    expect(image('prod')).toMatch(/^registry\.gitops-cdk\.example\/stefanprodan\/podinfo@sha256:[0-9a-f]{64}$/);
  });

  it("serves 9898 with podinfo's probes and exposes metrics on 9797 as podinfo's flags say", () => {
    const container = field(rolloutOf('staging'), 'spec.template.spec.containers.0') as Record<string, unknown>;
    expect(container.args).toEqual(['--port=9898', '--port-metrics=9797', '--level=info']);
    expect([field(container, 'readinessProbe.httpGet.path'), field(container, 'livenessProbe.httpGet.path')]).toEqual(['/readyz', '/healthz']);
  });

  it("smoke-tests prod's preview with podinfo's /version, whose path label the analysis does not exclude", () => {
    const spec = ENVIRONMENTS.find((e) => e.name === 'prod');
    const podinfo = spec?.delivery?.workloads.find((w) => w.name === 'podinfo');
    expect(field(rolloutOf('prod'), 'spec.strategy.blueGreen.prePromotionAnalysis.templates')).toEqual([{ templateName: 'podinfo-health' }, { templateName: 'podinfo-smoke' }]);
    expect(podinfo?.smokeTest).toEqual({ path: '/version', port: 'http', jsonPath: '{$.version}' });
    // podinfo labels a request by its route with the slashes trimmed (6.14.1 pkg/api/http/metrics.go urlToLabel); Prometheus anchors the pattern.
    const label = (podinfo?.smokeTest?.path ?? '').replace(/^\/+|\/+$/g, '');
    expect(new RegExp(`^(?:${podinfo?.metrics.excludedRequests?.pattern})$`).test(label)).toBe(false);
    expect(new RegExp(`^(?:${podinfo?.metrics.excludedRequests?.pattern})$`).test('healthz')).toBe(true);
  });
});
