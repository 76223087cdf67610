import { Duration } from 'cdk8s';
import { analysisWindow } from '../../constructs/delivery/analysis/workload-analysis-template';
import type { DeliveredWorkloadSpec } from '../../constructs/delivery/delivery-spec';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { fixtureWorkload } from '../support/fixture-workload';
import { manifestOfKind, renderWorkload, rolloutSpecIn } from './render-workload';

interface Argument {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: unknown;
}

interface Metric {
  readonly name: string;
  readonly interval: string;
  readonly initialDelay?: string;
  readonly count: number;
  readonly failureLimit: number;
  readonly consecutiveErrorLimit?: number;
  readonly provider: {
    readonly web?: { readonly method: string; readonly url: string; readonly timeoutSeconds: number; readonly jsonPath?: string };
    readonly prometheus?: unknown;
  };
}

interface TemplateSpec {
  readonly args?: readonly Argument[];
  readonly metrics: readonly Metric[];
}

const BLUE_GREEN = fixtureWorkload({ strategy: 'blueGreen' });

function templateSpec(manifests: readonly KubeManifest[], name: string): TemplateSpec {
  return manifestOfKind(manifests, 'AnalysisTemplate', name).spec as TemplateSpec;
}

/** Go duration strings the templates use (`5s`, `2m`, `1h`) in milliseconds. */
function millis(text: string): number {
  const match = /^(\d+)(ms|s|m|h)$/.exec(text);
  if (match === null) throw new Error(`unexpected duration ${text}`);
  const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

describe('the blue-green pre-promotion analysis sends the preview smoke requests', () => {
  it('names the health and the smoke templates before promotion, the health template alone after it', () => {
    const blueGreen = rolloutSpecIn('production', BLUE_GREEN).strategy.blueGreen;
    expect(blueGreen?.prePromotionAnalysis?.templates).toEqual([{ templateName: 'echo-health' }, { templateName: 'echo-smoke' }]);
    expect(blueGreen?.prePromotionAnalysis?.args).toEqual([{ name: 'pod-template-hash', valueFrom: { podTemplateHashValue: 'Latest' } }]);
    expect(blueGreen?.postPromotionAnalysis?.templates).toEqual([{ templateName: 'echo-health' }]);
  });

  it('GETs the preview Service on the served port and path, in the workload namespace', () => {
    const { manifests } = renderWorkload('production', fixtureWorkload({ strategy: 'blueGreen', smokeTest: { path: '/api/echo', port: 'http', jsonPath: '{$.version}' } }));
    const smoke = manifestOfKind(manifests, 'AnalysisTemplate', 'echo-smoke');
    expect(smoke.metadata.namespace).toBe('echo');
    const [metric] = (smoke.spec as TemplateSpec).metrics;
    expect(metric?.provider.web).toEqual({ method: 'GET', url: 'http://echo-preview.echo.svc.cluster.local:8080/api/echo', timeoutSeconds: 4, jsonPath: '{$.version}' });
  });

  it('leaves jsonPath out when the spec has none, so any 2xx answer passes', () => {
    const [metric] = templateSpec(renderWorkload('production', BLUE_GREEN).manifests, 'echo-smoke').metrics;
    expect(metric?.provider.web).not.toHaveProperty('jsonPath');
  });

  it('requests every 5s, times out before the next request, never fails on a condition, aborts after three errors in a row', () => {
    const [metric] = templateSpec(renderWorkload('production', BLUE_GREEN).manifests, 'echo-smoke').metrics;
    expect(metric).toEqual(expect.objectContaining({ name: 'smoke-request', interval: '5s', failureLimit: 0, consecutiveErrorLimit: 2 }));
    expect((metric?.provider.web?.timeoutSeconds ?? 0) * 1000).toBeLessThan(millis(metric?.interval ?? '0s'));
  });

  it.each<[string, DeliveredWorkloadSpec]>([
    ['the fixture (30s x 4)', BLUE_GREEN],
    ['a slow analysis (5m x 6)', fixtureWorkload({ strategy: 'blueGreen', analysis: { ...BLUE_GREEN.analysis, interval: Duration.minutes(5), count: 6 } })],
  ])('%s: the smoke requests last past the last health measurement', (_, workload) => {
    const { manifests } = renderWorkload('production', workload);
    const [smoke] = templateSpec(manifests, 'echo-smoke').metrics;
    const health = templateSpec(manifests, 'echo-health').metrics;
    for (const metric of health) {
      // The last health measurement is due initialDelay + (count - 1) intervals after the run started.
      const lastHealthMeasurement = millis(metric.initialDelay ?? '0s') + (metric.count - 1) * millis(metric.interval);
      const smokeEnds = ((smoke?.count ?? 0) - 1) * millis(smoke?.interval ?? '0s');
      expect(smokeEnds).toBeGreaterThan(lastHealthMeasurement);
    }
  });

  it('merges with the health template into one run: metric names unique, every declared argument supplied by the Rollout', () => {
    const { manifests } = renderWorkload('production', BLUE_GREEN);
    const pre = rolloutSpecIn('production', BLUE_GREEN).strategy.blueGreen?.prePromotionAnalysis;
    const templates = (pre?.templates ?? []).map((t) => templateSpec(manifests, t.templateName));
    const names = templates.flatMap((t) => t.metrics.map((m) => m.name));
    expect(new Set(names).size).toBe(names.length);
    const supplied = new Set((pre?.args ?? []).map((a) => a.name));
    // utils/analysis/helpers.go MergeArgs (v1.7.2): an argument without a value or valueFrom is refused.
    for (const arg of templates.flatMap((t) => t.args ?? [])) expect(arg.value !== undefined || supplied.has(arg.name)).toBe(true);
    expect(templateSpec(manifests, 'echo-smoke').args).toBeUndefined();
  });

  it("reaches the preview: the URL's port is the preview Service's, and allow-serving admits the controller's namespace to it", () => {
    const { manifests } = renderWorkload('production', BLUE_GREEN);
    const [metric] = templateSpec(manifests, 'echo-smoke').metrics;
    const url = new URL(metric?.provider.web?.url ?? '');
    const preview = manifestOfKind(manifests, 'Service', 'echo-preview').spec as { ports: { name: string; port: number }[] };
    const servicePort = preview.ports.find((p) => p.port === Number(url.port));
    expect(servicePort?.name).toBe('http');
    const serving = manifestOfKind(manifests, 'NetworkPolicy', 'echo-allow-serving').spec as { ingress: { from: { namespaceSelector?: object }[]; ports: { port: string }[] }[] };
    // The controller calls from namespace argo-rollouts: an empty namespaceSelector selects every namespace.
    const admitting = serving.ingress.filter(
      (rule) => rule.from.some((peer) => JSON.stringify(peer) === '{"namespaceSelector":{}}') && rule.ports.some((p) => p.port === servicePort?.name),
    );
    expect(admitting).toHaveLength(1);
  });

  it.each<['staging' | 'production', DeliveredWorkloadSpec]>([
    ['staging', fixtureWorkload()],
    ['production', fixtureWorkload({ strategy: 'canary' })],
  ])('%s canary: no smoke template (no preview to call), the steps name the health template only', (tier, workload) => {
    const { manifests } = renderWorkload(tier, workload);
    expect(manifests.filter((m) => m.kind === 'AnalysisTemplate').map((m) => m.metadata.name)).toEqual(['echo-health']);
  });
});

describe('the health metrics wait one rate window before their first measurement', () => {
  it.each<[string, Duration]>([
    ['a 30s interval (window 2m)', Duration.seconds(30)],
    ['a 5m interval (window 5m)', Duration.minutes(5)],
  ])('%s', (_, interval) => {
    const workload = fixtureWorkload({ strategy: 'blueGreen', analysis: { ...BLUE_GREEN.analysis, interval } });
    const health = templateSpec(renderWorkload('production', workload).manifests, 'echo-health').metrics;
    expect(health).toHaveLength(3);
    for (const metric of health) expect(millis(metric.initialDelay ?? '0s')).toBe(analysisWindow(workload).toMilliseconds());
  });
});
