import { parser } from '@prometheus-io/lezer-promql';
import { Duration } from 'cdk8s';
import { labelEquals, labelMatches, promqlString, seriesSelector } from '../../../constructs/monitoring/promql/label-matchers';
import { cpuSaturation, latencyQuantile, podsSelector, successRatio, withConstantLabel } from '../../../constructs/monitoring/promql/workload-expressions';

/** Offsets of parse errors in `expr` (Prometheus' own grammar, as its UI parses it); empty when it parses. */
function promqlErrors(expr: string): number[] {
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

const SELECTOR = podsSelector('shop', 'web-[a-z0-9]+-[a-z0-9]+');
const WINDOW = Duration.minutes(2);

describe('label matchers', () => {
  it('quote values so no value can end the string or the selector early', () => {
    expect(promqlString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
    const selector = seriesSelector('up', [labelEquals('job', 'x"} or vector(1) #'), labelMatches('pod', 'web-\\d+')]);
    expect(selector).toBe('up{job="x\\"} or vector(1) #", pod=~"web-\\\\d+"}');
    expect(promqlErrors(selector)).toEqual([]);
  });

  it('refuse label and metric names PromQL cannot read', () => {
    expect(() => seriesSelector('up', [labelEquals('pod-template-hash', 'x')])).toThrow('PromQL label name "pod-template-hash" is not valid');
    expect(() => seriesSelector('http requests', [])).toThrow('PromQL metric name "http requests" is not valid');
  });

  it('leave an Argo Rollouts argument placeholder inside the string, where it parses', () => {
    const selector = seriesSelector('up', [labelEquals('rollouts_pod_template_hash', '{{args.pod-template-hash}}')]);
    expect(selector).toBe('up{rollouts_pod_template_hash="{{args.pod-template-hash}}"}');
    expect(promqlErrors(selector)).toEqual([]);
  });
});

describe('workload expressions', () => {
  it('success ratio: non-5xx over all requests, one sample without `by`', () => {
    const expr = successRatio({ metric: 'http_requests_total', statusLabel: 'code', selector: SELECTOR, window: WINDOW }).text;
    expect(expr).toBe(
      'sum(rate(http_requests_total{namespace="shop", pod=~"web-[a-z0-9]+-[a-z0-9]+", code!~"5.."}[2m])) / sum(rate(http_requests_total{namespace="shop", pod=~"web-[a-z0-9]+-[a-z0-9]+"}[2m]))',
    );
    expect(promqlErrors(expr)).toEqual([]);
  });

  it('latency quantile: buckets summed by le (and the groups), then histogram_quantile', () => {
    const expr = latencyQuantile({ histogram: 'http_request_duration_seconds', quantile: 0.99, selector: SELECTOR, window: WINDOW, by: ['namespace'] }).text;
    expect(expr).toBe('histogram_quantile(0.99, sum by (namespace, le) (rate(http_request_duration_seconds_bucket{namespace="shop", pod=~"web-[a-z0-9]+-[a-z0-9]+"}[2m])))');
    expect(promqlErrors(expr)).toEqual([]);
    expect(() => latencyQuantile({ histogram: 'h', quantile: 99, selector: SELECTOR, window: WINDOW })).toThrow('quantile must be between 0 and 1');
  });

  it('CPU saturation: cAdvisor usage of real containers over kube-state-metrics requests, a derived label on both sides', () => {
    const expr = cpuSaturation({
      selector: SELECTOR,
      window: WINDOW,
      by: ['namespace', 'version'],
      derived: { target: 'version', source: 'pod', regex: 'web-([a-z0-9]+)-[a-z0-9]+' },
    }).text;
    expect(expr).toContain('container!="", container!="POD"');
    expect(expr).toContain('kube_pod_container_resource_requests{job="kube-state-metrics", namespace="shop", pod=~"web-[a-z0-9]+-[a-z0-9]+", resource="cpu"}');
    expect(expr.match(/label_replace\(/g)).toHaveLength(2);
    expect(promqlErrors(expr)).toEqual([]);
  });

  it('a constant label wraps any expression and still parses', () => {
    const expr = withConstantLabel(successRatio({ metric: 'r', statusLabel: 's', selector: SELECTOR, window: WINDOW }), 'workload', 'web').text;
    expect(expr.startsWith('label_replace(sum(')).toBe(true);
    expect(expr.endsWith(', "workload", "web", "", "")')).toBe(true);
    expect(promqlErrors(expr)).toEqual([]);
  });
});
