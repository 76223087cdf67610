import { synthesize } from '../../apps/synth/synthesize';
import { unless } from '../../constructs/core/finding';
import { ruleCatalogue } from '../../constructs/rules/catalogue';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import { complianceReportFiles } from '../../constructs/rules/report';
import { evaluateFleetRules, evaluateSpecRules } from '../../constructs/rules/spec-engine';
import type { FleetRule, SpecRule } from '../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureException } from '../support/fixture-exception';
import { reportResults } from '../support/report-results';
import { dev, prod, staging } from './fixtures';

const ESTATE: readonly EnvironmentSpec[] = [dev, staging, prod];

const CONTROLS = { soc2: ['CC8.1'], pciDss: [], iso27001: ['A.8.32'], gdpr: [] };

/** A test-local spec rule: production never prunes on its own. */
const noPrune: SpecRule<EnvironmentSpec> = {
  id: 'spec-fixture-no-prune',
  engine: 'spec',
  level: 'error',
  title: 'Production specs do not ask for auto-prune (fixture)',
  rationale: 'A fixture rule of this test, so that the evaluation is tested before the real spec rules exist.',
  controls: CONTROLS,
  tiers: ['production'],
  check: (spec) => unless(!spec.sync.prune, 'sync.prune', spec.sync.prune, `${spec.name} is a production environment and forbids auto-prune`, 'set sync.prune: false'),
};

/** A test-local fleet rule: names are unique. */
const uniqueNames: FleetRule<EnvironmentSpec> = {
  id: 'fleet-fixture-unique-names',
  engine: 'fleet',
  level: 'error',
  title: 'Environment names are unique across the fleet (fixture)',
  rationale: 'A fixture rule of this test.',
  controls: CONTROLS,
  check: (specs) =>
    specs.flatMap((s, i) =>
      specs.findIndex((o) => o.name === s.name) === i ? [] : [{ subject: s.name, field: 'name', value: s.name, problem: 'another environment has this name', fix: 'rename it' }],
    ),
};

const pruningProd: EnvironmentSpec = { ...prod, sync: { ...prod.sync, prune: true } };

describe('evaluateSpecRules', () => {
  it('places a finding at the environment, its file as unit and path, and the field path as resource', () => {
    expect(evaluateSpecRules([pruningProd], [noPrune])).toEqual([
      {
        environment: prod.name,
        engine: 'spec',
        unit: `environments/${prod.name}.ts`,
        resource: 'sync.prune',
        path: `environments/${prod.name}.ts`,
        rule: 'spec-fixture-no-prune',
        level: 'error',
        status: 'fail',
        field: 'sync.prune',
        value: 'true',
        problem: `${prod.name} is a production environment and forbids auto-prune`,
        fix: 'set sync.prune: false',
        controls: CONTROLS,
      },
    ]);
  });

  it('records a pass per environment the rule runs in, and skips the tiers it does not', () => {
    const results = evaluateSpecRules([dev, staging, prod], [noPrune]);
    expect(results.map((r) => `${r.environment} ${r.status} ${r.unit}`)).toEqual([`${prod.name} pass environments/${prod.name}.ts`]);
  });

  it('fails the environment when a rule throws, without stopping the others', () => {
    const broken: SpecRule<EnvironmentSpec> = {
      ...noPrune,
      id: 'spec-fixture-broken',
      tiers: undefined,
      check: () => {
        throw new Error('boom');
      },
    };
    const results = evaluateSpecRules([dev, prod], [broken, noPrune]);
    expect(results.filter((r) => r.rule === 'spec-fixture-broken').map((r) => `${r.environment} ${r.status} ${r.problem}`)).toEqual([
      `${dev.name} fail the rule could not evaluate the spec: boom`,
      `${prod.name} fail the rule could not evaluate the spec: boom`,
    ]);
    expect(results.filter((r) => r.rule === 'spec-fixture-no-prune').map((r) => r.status)).toEqual(['pass']);
  });
});

describe('evaluateFleetRules', () => {
  it('gives each environment a result: a failure where a finding names it, a pass elsewhere', () => {
    const twin = { ...staging, name: dev.name };
    const results = evaluateFleetRules([dev, twin, prod], [uniqueNames]);
    expect(results.map((r) => `${r.environment} ${r.engine} ${r.status} ${r.unit}`)).toEqual([
      `${dev.name} fleet fail environments/${dev.name}.ts`,
      `${prod.name} fleet pass environments/${prod.name}.ts`,
    ]);
  });
});

describe('spec rules in the compliance report and the refusal', () => {
  it('puts spec and fleet results and their rules into the report', () => {
    const results = [...evaluateSpecRules(ESTATE, [noPrune]), ...evaluateFleetRules(ESTATE, [uniqueNames])];
    const files = complianceReportFiles(results, ruleCatalogue([noPrune, uniqueNames]));
    const json = JSON.parse(files.get('report.json')!) as { rules: { id: string; engine: string; tiers: unknown }[] };
    expect(reportResults(files)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'spec-fixture-no-prune', engine: 'spec' }),
        expect.objectContaining({ rule: 'fleet-fixture-unique-names', engine: 'fleet' }),
      ]),
    );
    expect(json.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'spec-fixture-no-prune', engine: 'spec', tiers: ['production'] }),
        expect.objectContaining({ id: 'fleet-fixture-unique-names', engine: 'fleet', tiers: 'all' }),
      ]),
    );
  });

  it('refuses the synth with the results of the spec rules given to synthesize', async () => {
    const all = ESTATE.map((e) => (e === prod ? pruningProd : e));
    const exceptions = [fixtureException(all.map((e) => e.name))];
    const refusal = await synthesize([], all, { today: '2026-12-03', exceptions, specRules: [noPrune], fleetRules: [uniqueNames] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SynthRefusedError);
    // A fixture has no file of its own: the finding points at the list of environments.
    expect((refusal as SynthRefusedError).results).toEqual([
      expect.objectContaining({ rule: 'spec-fixture-no-prune', environment: prod.name, unit: 'environments/index.ts', field: 'sync.prune' }),
    ]);
  });
});
