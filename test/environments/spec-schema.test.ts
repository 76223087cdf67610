import { Duration } from 'cdk8s';
import { formatViolation } from '../../constructs/rules/violation';
import type { EnvironmentSpec } from '../../environments/types';
import { fileOf } from './spec-expectations';
import { fleetViolations, specViolations } from './spec-violations';
import { dev, prod } from './tier-fixtures';

// `npm run synth` runs an esbuild bundle: types are stripped, not checked. These specs are what a
// typo in an environment file or in pins.json becomes at run time; the casts stand for that typo.
function typo(spec: EnvironmentSpec, patch: (copy: Record<string, unknown>) => void): EnvironmentSpec {
  const copy = structuredClone({ ...spec, sync: undefined, driftDetection: undefined, syncWindows: undefined, backup: undefined, delivery: undefined }) as Record<string, unknown>;
  // Durations are class instances: structuredClone would turn them into plain objects.
  Object.assign(copy, { sync: spec.sync, driftDetection: spec.driftDetection, syncWindows: spec.syncWindows, backup: spec.backup, delivery: spec.delivery });
  patch(copy);
  return copy as unknown as EnvironmentSpec;
}

describe('the run-time shape check of a spec', () => {
  it('rejects a misspelt cloud with environment, file, field, value and the member it meant, instead of a TypeError', () => {
    const spec = typo(prod, (s) => {
      (s.clusters as Record<string, unknown>[])[1]!.cloud = 'awz';
    });
    const violations = specViolations(spec);
    expect(violations).toEqual([
      {
        environment: prod.name,
        path: fileOf(prod, 'clusters[1].cloud'),
        field: 'clusters[1].cloud',
        value: '"awz"',
        problem: "must be one of 'aws', 'azure', 'gcp'",
        fix: "did you mean 'aws'? set clusters[1].cloud: 'aws'",
      },
    ]);
  });

  it('rejects a misspelt tier, role and Kyverno mode all at once', () => {
    const spec = typo(prod, (s) => {
      s.tier = 'prodution';
      (s.clusters as Record<string, unknown>[])[0]!.role = 'managment';
      (s.kyverno as Record<string, unknown>).mode = 'Enforce';
    });
    const violations = specViolations(spec);
    expect(violations.map((v) => [v.field, v.value, v.fix])).toEqual([
      ['tier', '"prodution"', "did you mean 'production'? set tier: 'production'"],
      ['clusters[0].role', '"managment"', "did you mean 'management'? set clusters[0].role: 'management'"],
      ['kyverno.mode', '"Enforce"', "did you mean 'enforce'? set kyverno.mode: 'enforce'"],
    ]);
  });

  it('rejects a chart missing from pins.json, naming pins.json, instead of synthesizing an unpinned chart', () => {
    const spec = typo(prod, (s) => {
      delete (s.charts as Record<string, unknown>).tempo;
    });
    const [violation, ...rest] = specViolations(spec);
    expect(rest).toEqual([]);
    expect(formatViolation(violation!)).toBe(`${prod.name}: environments/pins.json: charts.tempo is missing; the field is required: a string (fix: add charts.tempo)`);
  });

  it('rejects a field the spec type does not have, suggesting the one it meant', () => {
    const spec = typo(dev, (s) => {
      s.promoteFrom = 'nothing';
    });
    expect(specViolations(spec)).toEqual([expect.objectContaining({ field: 'promoteFrom', value: '"nothing"', fix: 'did you mean promotesFrom? rename it' })]);
  });

  it('rejects a wrong type deep in the spec: a duration written as a string, a number in quotes, a list as a string', () => {
    const spec = typo(dev, (s) => {
      s.driftDetection = { ...dev.driftDetection, interval: '2m' };
      s.infrastructure = { ...dev.infrastructure, stateVersionRetentionDays: '30', budget: { ...dev.infrastructure.budget, notifyEmails: 'a@b.example' } };
    });
    expect(specViolations(spec).map((v) => [v.field, v.problem])).toEqual([
      ['driftDetection.interval', 'must be a Duration'],
      ['infrastructure.budget.notifyEmails', 'must be a list of a string'],
      ['infrastructure.stateVersionRetentionDays', 'must be a number'],
    ]);
  });

  it('rejects an unknown revision kind without reporting the fields that depend on it', () => {
    const spec = typo(dev, (s) => {
      s.gitops = { repoUrl: dev.gitops.repoUrl, revision: { kind: 'tag', ref: 'v1.0.0' } };
    });
    expect(specViolations(spec).map((v) => `${v.field} ${v.value}`)).toEqual(['gitops.revision.kind "tag"']);
  });

  it('checks the fleet without crashing on a malformed spec and still reports the other environments', () => {
    const broken = typo(dev, (s) => {
      s.clusters = `${dev.name}-aks-neu`;
    });
    const brokenProd = { ...prod, sync: { ...prod.sync, retryLimit: 0 } };
    const violations = fleetViolations([broken, brokenProd]);
    expect(violations.map((v) => `${v.environment} ${v.field}`)).toEqual(expect.arrayContaining([`${dev.name} clusters`, `${prod.name} sync.retryLimit`]));
  });

  it('accepts Durations and optional fields left out', () => {
    expect(specViolations({ ...dev, driftDetection: { ...dev.driftDetection, interval: Duration.minutes(3) } })).toEqual([]);
  });
});
