import { benchReport, ratios, timingsTable } from './report';
import type { ScenarioResult } from './scenario-result';
import { checkTargets } from './targets';

const MIB = 1024 ** 2;

function result(kind: ScenarioResult['kind'], seconds: number[], maxRssMiB: number, clusters?: number): ScenarioResult {
  return {
    id: `${kind}-${clusters ?? ''}`,
    kind,
    title: `${kind} ${clusters ?? ''}`.trim(),
    ...(clusters !== undefined ? { clusters } : {}),
    seconds,
    cpuSeconds: seconds.map((wall) => wall * 1.5),
    maxRssBytes: seconds.map(() => maxRssMiB * MIB),
  };
}

const results = [
  result('reference', [1.4, 1.2, 1.3], 240),
  result('standard-clis', [6.6, 6.5, 7], 300),
  result('fleet', [5, 6, 4], 400, 100),
  result('fleet', [20, 25, 22], 1100, 500),
  result('fleet-edit', [1, 1, 1], 300, 100),
  result('fleet-edit', [1.9, 2.1, 1.8], 900, 500),
];

describe('bench report', () => {
  it('gives each scenario its median and range, its median CPU time and its highest peak memory', () => {
    const table = timingsTable([{ ...result('reference', [2.5, 2.1, 3], 0), cpuSeconds: [2.4, 2.2, 2.9], maxRssBytes: [239 * MIB, 250 * MIB, 245 * MIB] }]);
    expect(table.split('\n')).toEqual([
      '| Scenario | Runs | Median | Range | CPU time (median) | Peak memory |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      '| reference | 3 | 2.50 s | 2.10–3.00 s | 2.40 s | 250 MiB |',
    ]);
  });

  it('divides the medians it compares', () => {
    expect(ratios(results).map((r) => [r.name, Number(r.value.toFixed(2))])).toEqual([
      ['Standard CLIs / reference estate, clean', 5.08],
      ['Fleet 500 clean / fleet 100 clean (5.0x the clusters)', 4.4],
      ['Fleet 100: one-cluster edit / clean', 0.2],
      ['Fleet 500: one-cluster edit / clean', 0.09],
    ]);
  });

  it('marks each target met or not met by its figure', () => {
    expect(checkTargets(results)).toEqual([
      { target: 'Reference estate, clean synth: 1.5 s or less', measured: '1.30 s', met: true },
      { target: 'Reference estate: at least 5x faster than the standard CLIs', measured: '5.08x', met: true },
      { target: 'Fleet of 500, clean synth: 15 s or less', measured: '22.00 s', met: false },
      { target: 'Fleet of 500, clean synth: 1 GiB or less', measured: '1.07 GiB', met: false },
      { target: 'Fleet of 500, after a one-cluster edit: 2 s or less', measured: '1.90 s', met: true },
    ]);
  });

  it('says which targets it did not measure, and leaves out ratios whose scenarios did not run', () => {
    const report = benchReport([result('reference', [2], 240)]);
    expect(report).not.toContain('Ratio of medians');
    expect(report).toContain('| Reference estate: at least 5x faster than the standard CLIs | — | not measured |');
    expect(report).toContain('| Reference estate, clean synth: 1.5 s or less | 2.00 s | not met |');
  });
});
