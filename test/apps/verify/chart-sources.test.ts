import { readFileSync } from 'node:fs';
import { CHART_SOURCES, type ChartSource, chartSourceOf, moduleQuery, moduleVersionOf } from '../../../apps/verify/chart-sources';
// Reads the example estate on purpose: its subject is what the estate pins (fixture specs would prove nothing here).
import { ENVIRONMENTS } from '../../../environments';
import type { ChartVersions } from '../../../environments/types';

const PINS = JSON.parse(readFileSync('environments/pins.json', 'utf8')) as Record<string, { charts: Record<string, string> }>;

/** Every source of the table, subcharts included, with where it is listed. */
function allSources(): { readonly where: string; readonly source: ChartSource }[] {
  return (Object.keys(CHART_SOURCES) as (keyof ChartVersions)[]).flatMap((chart) =>
    Object.entries(CHART_SOURCES[chart]).flatMap(([version, source]) => [
      { where: `${chart}@${version}`, source },
      ...Object.entries(source.subcharts ?? {}).map(([name, sub]) => ({ where: `${chart}@${version} subchart ${name}`, source: sub })),
    ]),
  );
}

// The charts check fetches exactly what the environments pin: a pin that moves without its source
// fails here, in the fast test run, before it reaches CI's engine checks.
describe('CHART_SOURCES', () => {
  it.each(Object.entries(PINS))('has a source for every chart %s pins in pins.json', (_env, pins) => {
    const missing = Object.entries(pins.charts).filter(([chart, version]) => chartSourceOf(chart as keyof ChartVersions, version) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('has a source for every chart the %s spec pins', (_name, spec) => {
    for (const [chart, version] of Object.entries(spec.charts))
      expect([chart, version, chartSourceOf(chart as keyof ChartVersions, version)]).toEqual([chart, version, expect.anything()]);
  });

  it('names each release tag with its full commit and the commit time of its pseudo-version', () => {
    for (const { where, source } of allSources()) {
      expect([where, source.module]).toEqual([where, expect.stringMatching(/^github\.com\/[\w.-]+\/[\w.-]+$/)]);
      if ('commit' in source) {
        expect([where, source.commit, source.time]).toEqual([where, expect.stringMatching(/^[0-9a-f]{40}$/), expect.stringMatching(/^20\d{12}$/)]);
        expect(moduleVersionOf(source)).toBe(`v0.0.0-${source.time}-${source.commit.slice(0, 12)}`);
      } else {
        expect([where, source.version]).toEqual([where, expect.stringMatching(/^v\d+\.\d+\.\d+$/)]);
      }
    }
  });

  it('fetches a chart tag at its commit, and a module release at its tag', () => {
    expect(moduleQuery(CHART_SOURCES.tempo['1.18.1']!)).toBe('github.com/grafana/helm-charts@v0.0.0-20250118152227-be5bfb9eefa1');
    expect(moduleQuery(CHART_SOURCES.kyverno['3.9.1']!)).toBe('github.com/kyverno/kyverno@v1.19.1');
  });

  it("names the chart of each tag in the tag's own name", () => {
    for (const { where, source } of allSources()) {
      if (!('tag' in source)) continue;
      const chart = source.path.split('/').pop()!;
      // `<chart>-<version>`, `<chart>-chart-<version>` (kubernetes/autoscaler) or `helm-v<version>` (sealed-secrets).
      expect([where, source.tag]).toEqual([where, expect.stringMatching(new RegExp(`^(${chart}-(chart-)?|helm-v)\\d+\\.\\d+\\.\\d+$`))]);
    }
  });
});
