import { SynthRefusedError } from '../../constructs/rules/refusal';
import { violationOf } from '../../constructs/rules/refusal-entries';
import type { RuleResult } from '../../constructs/rules/result';
import { evaluateSpecRules } from '../../constructs/rules/spec-engine';
import type { SpecRule } from '../../constructs/rules/spec-rule';
import { formatViolation } from '../../constructs/rules/violation';

const CONTROLS = { soc2: ['CC8.1'], pciDss: [], iso27001: ['A.8.32'], gdpr: [] };

const kubernetesFailure: RuleResult = {
  environment: 'prod',
  engine: 'kubernetes',
  unit: 'root',
  resource: 'Application/argocd/prod-root',
  path: 'prod/root/root/Resource',
  rule: 'k8s-prod-no-auto-prune',
  level: 'error',
  status: 'fail',
  field: 'spec.syncPolicy.automated.prune',
  value: 'true',
  problem: 'prod is a production environment and forbids auto-prune',
  fix: 'set sync.prune: false in the environment spec; prune by hand after review',
  controls: CONTROLS,
};

/** A spec rule of this test: production never prunes on its own. */
const noPrune: SpecRule<{ readonly name: string; readonly tier: 'production'; readonly prune: boolean }> = {
  id: 'spec-fixture-no-prune',
  engine: 'spec',
  level: 'error',
  title: 'Production specs do not ask for auto-prune (fixture)',
  rationale: 'A fixture rule of this test.',
  controls: CONTROLS,
  check: (spec) => (spec.prune ? [{ field: 'sync.prune', value: true, problem: 'production forbids auto-prune', fix: 'set sync.prune: false' }] : []),
};

const [specFailure] = evaluateSpecRules([{ name: 'prod', tier: 'production', prune: true }], [noPrune]);

describe('SynthRefusedError', () => {
  const refusal = new SynthRefusedError([kubernetesFailure, specFailure!]);

  it('carries the failing results as data: rule, location, field, value, problem and fix', () => {
    expect(refusal.results).toEqual([kubernetesFailure, specFailure]);
    expect(refusal.results.map((r) => `${r.engine} ${r.rule} ${r.unit} ${r.field}`)).toEqual([
      'kubernetes k8s-prod-no-auto-prune root spec.syncPolicy.automated.prune',
      'spec spec-fixture-no-prune environments/prod.ts sync.prune',
    ]);
  });

  it('renders the human message from the results: environment, path, field, value, problem [rule], fix', () => {
    expect(refusal.message).toBe(
      [
        'synth refused: 2 problems, nothing was written',
        '  - prod: prod/root/root/Resource: spec.syncPolicy.automated.prune is true; Application/argocd/prod-root: prod is a production environment and forbids auto-prune [k8s-prod-no-auto-prune] (fix: set sync.prune: false in the environment spec; prune by hand after review)',
        '  - prod: environments/prod.ts: sync.prune is true; production forbids auto-prune (fix: set sync.prune: false)',
      ].join('\n'),
    );
    expect(refusal.violations.map(formatViolation)).toEqual(
      refusal.message
        .split('\n')
        .slice(1)
        .map((line) => line.slice(4)),
    );
  });

  it('names the rule of a check on output but not of a spec check, which points at the line to edit', () => {
    expect(violationOf(kubernetesFailure).problem.endsWith('[k8s-prod-no-auto-prune]')).toBe(true);
    expect(violationOf(specFailure!)).toEqual({
      environment: 'prod',
      path: 'environments/prod.ts',
      field: 'sync.prune',
      value: 'true',
      problem: 'production forbids auto-prune',
      fix: 'set sync.prune: false',
    });
  });

  it('says problem, singular, for one result', () => {
    expect(new SynthRefusedError([kubernetesFailure]).message.split('\n')[0]).toBe('synth refused: 1 problem, nothing was written');
  });
});
