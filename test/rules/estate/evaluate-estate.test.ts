import type { EstateInput, EstateRule } from '../../../constructs/rules/estate/estate-rule';
import { evaluateEstateRules } from '../../../constructs/rules/estate/evaluate-estate';

const NO_CONTROLS = { soc2: [], pciDss: [], iso27001: [], gdpr: [] };

const INPUT: EstateInput = {
  environment: { name: 'fixture', tier: 'production' },
  clusters: [],
  objects: [],
  views: [],
  requiredSecrets: [],
  stackFile: (stack) => `dist/terraform/fixture/${stack}/main.tf`,
};

function rule(check: EstateRule['check']): EstateRule {
  return { id: 'estate-probe', engine: 'estate', reads: ['kubernetes'], level: 'error', title: 'probe', rationale: 'probe', controls: NO_CONTROLS, check };
}

describe('evaluateEstateRules', () => {
  it('passes once for the environment when the rule finds nothing, and fails once per finding where the finding says', () => {
    expect(evaluateEstateRules([rule(() => [])], INPUT, '2026-12-03').map((r) => `${r.status} ${r.path}`)).toEqual(['pass fixture']);
    const findings = [{ path: 'dist/k8s/fixture/a.yaml', field: 'f', value: 1, problem: 'p', fix: 'x' }];
    expect(evaluateEstateRules([rule(() => findings)], INPUT, '2026-12-03').map((r) => `${r.status} ${r.path}`)).toEqual(['fail dist/k8s/fixture/a.yaml']);
  });

  it('turns a rule that throws into a failure of the environment naming the rule, instead of aborting the synth', () => {
    const results = evaluateEstateRules(
      [
        rule(() => {
          throw new Error('unexpected input');
        }),
      ],
      INPUT,
      '2026-12-03',
    );
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'fail', environment: 'fixture', path: 'fixture', rule: 'estate-probe' });
    expect(results[0]?.problem).toMatch(/could not evaluate the output: unexpected input/);
    expect(results[0]?.fix).toMatch(/fix the rule estate-probe/);
  });
});
