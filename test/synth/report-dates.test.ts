import { type SynthOutput, synthesize } from '../../apps/synth/synthesize';
import { fixtureEnvironment } from '../support/fixture-environment';
import { reportResults } from '../support/report-results';

// The support calendar depends on the day of the synth; the committed report must not, or
// `synth --check` would fail in CI on a day nothing changed (a warning window opening, the day
// count of a warning moving on).
describe('the compliance report and the day of the synth', () => {
  // One development environment (its AKS cluster runs Kubernetes 1.35): a whole fleet of its own.
  const estate = [fixtureEnvironment({ tier: 'development' })];
  // The fixture fleet's own exceptions are none: the example estate's name environments it lacks.
  const exceptions = [] as const;
  // Before and inside the 60-day warning window of the fixtures' AKS 1.35 (end of support 2027-03-31).
  const days = ['2026-12-03', '2027-02-15'] as const;

  // Synthesized once on each day (a synth takes seconds): both tests read them.
  let before: SynthOutput;
  let inside: SynthOutput;
  beforeAll(async () => {
    [before, inside] = await Promise.all(days.map((today) => synthesize(estate, estate, { today, exceptions })));
  });

  it('is the same on two days whose support warnings differ', () => {
    expect(inside.warnings.length).toBeGreaterThan(before.warnings.length);
    expect(inside.warnings.map((w) => w.problem).join('\n')).toMatch(/AKS ends support for Kubernetes 1.35 on 2027-03-31, in 44 days/);
    const report = (output: SynthOutput) => [...output.files].filter(([path]) => path.startsWith('compliance/'));
    expect(report(inside).map(([path]) => path)).toEqual(['compliance/report.json', 'compliance/report.md', `compliance/results/${estate[0]!.name}.jsonl`]);
    expect(report(inside)).toEqual(report(before));
  });

  it('lists no support-calendar rule, whose result depends on the day', () => {
    const results = reportResults(inside.files, 'compliance/');
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.rule.startsWith('spec-kubernetes-support'))).toEqual([]);
  });
});
