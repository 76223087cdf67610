import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENTS } from '../../environments';
import { type PinsFile, pinsOf } from '../../environments/pins';
import { completeCanary, pinsFileText, planPromotion, PromotionRefusedError } from '../../apps/promote/promotion';
import PINS_JSON from '../../environments/pins.json';

/** Charts the tests do not promote: the same in every environment. */
const UNCHANGED = { fluentBit: '0.48.5', pushgateway: '2.17.0', tempo: '1.18.1', clusterAutoscaler: '9.53.0' };
const CHARTS_NEW = { ...UNCHANGED, argoCd: '7.8.2', argoRollouts: '2.39.0', kubePrometheusStack: '67.9.0', kyverno: '3.3.7', policyReporter: '3.0.3', sealedSecrets: '2.17.1' };
const CHARTS_OLD = { ...UNCHANGED, argoCd: '7.7.11', argoRollouts: '2.38.0', kubePrometheusStack: '66.3.1', kyverno: '3.3.4', policyReporter: '3.0.0', sealedSecrets: '2.16.2' };

const pins: PinsFile = {
  dev: { charts: CHARTS_NEW, policyCatalog: '1.2.0' },
  staging: { charts: CHARTS_NEW, policyCatalog: '1.2.0', policyCanaryPassed: '1.2.0' },
  prod: { charts: CHARTS_OLD, policyCatalog: '1.1.0' },
};

describe('planPromotion', () => {
  it("copies the source's chart versions and catalog release to the next stage and lists each change", () => {
    const edit = planPromotion(pins, ENVIRONMENTS, 'staging', 'prod');
    expect(edit.pins.prod).toEqual({ charts: CHARTS_NEW, policyCatalog: '1.2.0' });
    expect(edit.pins.dev).toBe(pins.dev);
    expect(edit.pins.staging).toBe(pins.staging);
    expect(edit.changes).toEqual([
      { environment: 'prod', field: 'charts.argoCd', from: '7.7.11', to: '7.8.2' },
      { environment: 'prod', field: 'charts.argoRollouts', from: '2.38.0', to: '2.39.0' },
      { environment: 'prod', field: 'charts.kubePrometheusStack', from: '66.3.1', to: '67.9.0' },
      { environment: 'prod', field: 'charts.kyverno', from: '3.3.4', to: '3.3.7' },
      { environment: 'prod', field: 'charts.policyReporter', from: '3.0.0', to: '3.0.3' },
      { environment: 'prod', field: 'charts.sealedSecrets', from: '2.16.2', to: '2.17.1' },
      { environment: 'prod', field: 'policyCatalog', from: '1.1.0', to: '1.2.0' },
    ]);
  });

  it('keeps what already passed the canary in a canary target, so the new release canaries there', () => {
    const before: PinsFile = { ...pins, dev: { charts: CHARTS_NEW, policyCatalog: '1.3.0' } };
    const edit = planPromotion(before, ENVIRONMENTS, 'dev', 'staging');
    expect(edit.pins.staging).toEqual({ charts: CHARTS_NEW, policyCatalog: '1.3.0', policyCanaryPassed: '1.2.0' });
    expect(edit.changes).toEqual([{ environment: 'staging', field: 'policyCatalog', from: '1.2.0', to: '1.3.0' }]);
  });

  it('refuses to skip a stage, naming the path', () => {
    expect(() => planPromotion(pins, ENVIRONMENTS, 'dev', 'prod')).toThrow(
      new PromotionRefusedError('prod promotes from staging only, not from dev: no stage is skipped (path: dev -> staging -> prod). Promote dev -> staging first'),
    );
  });

  it('refuses to promote backwards or into the first stage', () => {
    expect(() => planPromotion(pins, ENVIRONMENTS, 'prod', 'staging')).toThrow(/staging promotes from dev only, not from prod/);
    expect(() => planPromotion(pins, ENVIRONMENTS, 'staging', 'dev')).toThrow(/dev is the first stage/);
  });

  it('refuses to promote a canary stage whose canary has not passed', () => {
    const canarying: PinsFile = { ...pins, staging: { ...pins.staging!, policyCanaryPassed: '1.1.0' } };
    expect(() => planPromotion(canarying, ENVIRONMENTS, 'staging', 'prod')).toThrow(
      /staging is still canarying policy catalog 1.2.0 \(passed: 1.1.0\); .*--complete-canary staging/,
    );
  });

  it('refuses unknown environments, listing the known ones', () => {
    expect(() => planPromotion(pins, ENVIRONMENTS, 'qa', 'prod')).toThrow(/unknown environment "qa"; known: dev, staging, prod/);
  });
});

describe('completeCanary', () => {
  it('marks the pinned release as passed', () => {
    const canarying: PinsFile = { ...pins, staging: { ...pins.staging!, policyCanaryPassed: '1.1.0' } };
    const edit = completeCanary(canarying, ENVIRONMENTS, 'staging');
    expect(edit.pins.staging?.policyCanaryPassed).toBe('1.2.0');
    expect(edit.changes).toEqual([{ environment: 'staging', field: 'policyCanaryPassed', from: '1.1.0', to: '1.2.0' }]);
  });

  it('refuses environments that do not canary', () => {
    expect(() => completeCanary(pins, ENVIRONMENTS, 'prod')).toThrow(/prod runs kyverno mode enforce, not canary/);
  });
});

describe('the pins file', () => {
  it('is what the specs read: chart versions and catalog release come from it', () => {
    for (const spec of ENVIRONMENTS) {
      expect(spec.charts).toEqual(pinsOf(spec.name).charts);
      expect(spec.kyverno.catalog).toBe(pinsOf(spec.name).policyCatalog);
      expect(spec.kyverno.canaryPassed).toBe(pinsOf(spec.name).policyCanaryPassed);
    }
  });

  it('is written back byte-identically when nothing changes (promote edits data, not formatting)', () => {
    const text = pinsFileText(PINS_JSON as PinsFile, ENVIRONMENTS.map((e) => e.name));
    expect(text).toBe(readFileSync(join(__dirname, '../../environments/pins.json'), 'utf8'));
  });

  it('names the file and the environment when an entry is missing', () => {
    expect(() => pinsOf('qa')).toThrow(/environments\/pins.json has no entry for environment "qa"/);
  });
});
