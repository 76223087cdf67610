import { parser } from '@prometheus-io/lezer-promql';
import { Chart, Duration, Testing } from 'cdk8s';
import { WorkloadAnalysisTemplate } from '../../../constructs/delivery/analysis/workload-analysis-template';
import { withHash } from '../../../constructs/delivery/analysis/workload-queries';
import { analysisReference } from '../../../constructs/delivery/analysis-contract';
import type { DeliveredWorkloadSpec } from '../../../constructs/delivery/delivery-spec';
import { fixtureThresholds, fixtureWorkload } from './delivered-workload-fixture';

interface RenderedMetric {
  readonly name: string;
  readonly interval: string;
  readonly count: number;
  readonly failureLimit: number;
  readonly inconclusiveLimit: number;
  readonly successCondition: string;
  readonly failureCondition: string;
  readonly provider: { readonly prometheus: { readonly address: string; readonly query: string } };
}

interface RenderedTemplate {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace: string };
  readonly spec: { readonly args: readonly { readonly name: string }[]; readonly metrics: readonly RenderedMetric[] };
}

function render(workload: DeliveredWorkloadSpec): RenderedTemplate {
  const chart = new Chart(Testing.app(), 'workload');
  new WorkloadAnalysisTemplate(chart, 'analysis', { environment: 'live', workload });
  const [template] = Testing.synth(chart) as RenderedTemplate[];
  return template;
}

function parses(query: string): boolean {
  let ok = true;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

describe('WorkloadAnalysisTemplate', () => {
  const workload = fixtureWorkload();
  const template = render(workload);

  it('is the AnalysisTemplate the Rollout refers to, in the workload namespace, with the one argument it passes', () => {
    const reference = analysisReference(workload);
    expect(template.apiVersion).toBe('argoproj.io/v1alpha1');
    expect(template.kind).toBe('AnalysisTemplate');
    expect(template.metadata).toMatchObject({ name: reference.templates[0].templateName, namespace: 'podinfo' });
    expect(template.spec.args).toEqual(reference.args.map((a) => ({ name: a.name })));
  });

  it('judges three metrics on the in-cluster Prometheus, with the spec interval, count and limits', () => {
    expect(template.spec.metrics.map((m) => m.name)).toEqual(['success-ratio', 'latency-p99', 'cpu-saturation']);
    for (const metric of template.spec.metrics) {
      expect(metric).toMatchObject({ interval: '1m', count: 5, failureLimit: 1, inconclusiveLimit: 1 });
      expect(metric.provider.prometheus.address).toBe('http://prometheus-operated.monitoring.svc:9090');
    }
    const bySuccess = Object.fromEntries(template.spec.metrics.map((m) => [m.name, m.successCondition]));
    expect(bySuccess).toEqual({
      'success-ratio': 'len(result) == 1 && !isNaN(result[0]) && result[0] >= 0.99',
      'latency-p99': 'len(result) == 1 && !isNaN(result[0]) && result[0] <= 0.5',
      'cpu-saturation': 'len(result) == 1 && !isNaN(result[0]) && result[0] <= 0.9',
    });
  });

  it('queries only the version under test, and each query parses once Argo Rollouts fills in its hash', () => {
    for (const metric of template.spec.metrics) {
      const query = metric.provider.prometheus.query;
      expect(query).toContain('pod=~"podinfo-{{args.pod-template-hash}}-[a-z0-9]+"');
      expect(query.match(/\{\{[^}]*\}\}/g)?.every((placeholder) => placeholder === '{{args.pod-template-hash}}')).toBe(true);
      expect(parses(withHash(query, '6d4cf56db6'))).toBe(true);
      expect(query.startsWith('sum(') || query.startsWith('histogram_quantile(0.99, sum by (le) (')).toBe(true);
    }
    const own = template.spec.metrics.filter((m) => m.name !== 'cpu-saturation');
    for (const metric of own) expect(metric.provider.prometheus.query).toContain('rollouts_pod_template_hash="{{args.pod-template-hash}}"');
  });

  it('reads a rate window of at least two minutes, and the interval when it is longer', () => {
    expect(template.spec.metrics[0].provider.prometheus.query).toContain('[2m]');
    const slow = render(fixtureWorkload({ analysis: fixtureThresholds({ interval: Duration.minutes(5) }) }));
    expect(slow.spec.metrics[0].provider.prometheus.query).toContain('[5m]');
    expect(slow.spec.metrics[0].interval).toBe('5m');
  });

  it('tolerates as many data-less measurements as failures, and at least one', () => {
    const strict = render(fixtureWorkload({ analysis: fixtureThresholds({ failureLimit: 0, count: 3 }) }));
    expect(strict.spec.metrics.map((m) => [m.failureLimit, m.inconclusiveLimit])).toEqual([
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    const lenient = render(fixtureWorkload({ analysis: fixtureThresholds({ failureLimit: 3, count: 10 }) }));
    expect(lenient.spec.metrics[0].inconclusiveLimit).toBe(3);
  });

  it('refuses a spec it cannot judge with, before rendering anything', () => {
    const chart = new Chart(Testing.app(), 'workload');
    const broken = fixtureWorkload({ analysis: fixtureThresholds({ count: 2, failureLimit: 2 }) });
    expect(() => new WorkloadAnalysisTemplate(chart, 'analysis', { environment: 'live', workload: broken })).toThrow(
      'live: environments/live.ts: delivery.workloads[name=podinfo].analysis.failureLimit is 2; it must be less than count (2)',
    );
    expect(Testing.synth(chart)).toEqual([]);
  });
});
