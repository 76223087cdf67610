import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeCanary, PromotionRefusedError, pinsFileText, planPromotion } from '../../apps/promote/promotion';
// The pins file's own tests (the end of this file) read the example estate: their subject is the
// committed environments/pins.json. Promotion itself is tested on the fixture fleet (lab -> stage -> live).
import { ENVIRONMENTS } from '../../environments';
import { type PinsFile, pinsOf } from '../../environments/pins';
import PINS_JSON from '../../environments/pins.json';
import type { TenantSpec } from '../../environments/types';
import { fixtureTenant } from '../support/fixture-tenant';
import { dev, FIXTURE_FLEET, prod, staging } from './tier-fixtures';

/** A name no environment has, in the estate or the fixtures. */
const UNKNOWN = 'no-such-environment';

/** Charts the tests do not promote: the same in every environment. */
const UNCHANGED = { fluentBit: '0.48.5', pushgateway: '2.17.0', tempo: '1.18.1', clusterAutoscaler: '9.53.0', velero: '11.4.0', opencost: '2.5.17' };
const CHARTS_NEW = { ...UNCHANGED, argoCd: '7.8.2', argoRollouts: '2.39.0', kubePrometheusStack: '67.9.0', kyverno: '3.3.7', policyReporter: '3.0.3', sealedSecrets: '2.17.1' };
const CHARTS_OLD = { ...UNCHANGED, argoCd: '7.7.11', argoRollouts: '2.38.0', kubePrometheusStack: '66.3.1', kyverno: '3.3.4', policyReporter: '3.0.0', sealedSecrets: '2.16.2' };

const pins: PinsFile = {
  [dev.name]: { charts: CHARTS_NEW, policyCatalog: '1.2.0' },
  [staging.name]: { charts: CHARTS_NEW, policyCatalog: '1.2.0', policyCanaryPassed: '1.2.0' },
  [prod.name]: { charts: CHARTS_OLD, policyCatalog: '1.1.0' },
};

const [DEV, STAGING, PROD] = [dev.name, staging.name, prod.name];

describe('planPromotion', () => {
  it("copies the source's chart versions and catalog release to the next stage and lists each change", () => {
    const edit = planPromotion(pins, FIXTURE_FLEET, STAGING, PROD);
    expect(edit.pins[PROD]).toEqual({ charts: CHARTS_NEW, policyCatalog: '1.2.0' });
    expect(edit.pins[DEV]).toBe(pins[DEV]);
    expect(edit.pins[STAGING]).toBe(pins[STAGING]);
    expect(edit.changes).toEqual([
      { environment: PROD, field: 'charts.argoCd', from: '7.7.11', to: '7.8.2' },
      { environment: PROD, field: 'charts.argoRollouts', from: '2.38.0', to: '2.39.0' },
      { environment: PROD, field: 'charts.kubePrometheusStack', from: '66.3.1', to: '67.9.0' },
      { environment: PROD, field: 'charts.kyverno', from: '3.3.4', to: '3.3.7' },
      { environment: PROD, field: 'charts.policyReporter', from: '3.0.0', to: '3.0.3' },
      { environment: PROD, field: 'charts.sealedSecrets', from: '2.16.2', to: '2.17.1' },
      { environment: PROD, field: 'policyCatalog', from: '1.1.0', to: '1.2.0' },
    ]);
  });

  it('keeps what already passed the canary in a canary target, so the new release canaries there', () => {
    const before: PinsFile = { ...pins, [DEV]: { charts: CHARTS_NEW, policyCatalog: '1.3.0' } };
    const edit = planPromotion(before, FIXTURE_FLEET, DEV, STAGING);
    expect(edit.pins[STAGING]).toEqual({ charts: CHARTS_NEW, policyCatalog: '1.3.0', policyCanaryPassed: '1.2.0' });
    expect(edit.changes).toEqual([{ environment: STAGING, field: 'policyCatalog', from: '1.2.0', to: '1.3.0' }]);
  });

  it('refuses to skip a stage, naming the path', () => {
    expect(() => planPromotion(pins, FIXTURE_FLEET, DEV, PROD)).toThrow(
      new PromotionRefusedError(
        `${PROD} promotes from ${STAGING} only, not from ${DEV}: no stage is skipped (path: ${DEV} -> ${STAGING} -> ${PROD}). Promote ${DEV} -> ${STAGING} first`,
      ),
    );
  });

  it('refuses to promote backwards or into the first stage', () => {
    expect(() => planPromotion(pins, FIXTURE_FLEET, PROD, STAGING)).toThrow(`${STAGING} promotes from ${DEV} only, not from ${PROD}`);
    expect(() => planPromotion(pins, FIXTURE_FLEET, STAGING, DEV)).toThrow(`${DEV} is the first stage`);
  });

  it('refuses to promote a canary stage whose canary has not passed', () => {
    const canarying: PinsFile = { ...pins, [STAGING]: { ...pins[STAGING]!, policyCanaryPassed: '1.1.0' } };
    expect(() => planPromotion(canarying, FIXTURE_FLEET, STAGING, PROD)).toThrow(
      new RegExp(`${STAGING} is still canarying policy catalog 1.2.0 \\(passed: 1.1.0\\); .*--complete-canary ${STAGING}`),
    );
  });

  it('refuses unknown environments, listing the known ones', () => {
    expect(() => planPromotion(pins, FIXTURE_FLEET, UNKNOWN, PROD)).toThrow(`unknown environment "${UNKNOWN}"; known: ${DEV}, ${STAGING}, ${PROD}`);
  });
});

describe('completeCanary', () => {
  const canarying: PinsFile = { ...pins, [STAGING]: { ...pins[STAGING]!, policyCanaryPassed: '1.1.0' } };
  const withTenants = (tenants: readonly TenantSpec[]) => FIXTURE_FLEET.map((spec) => (spec.name === STAGING ? { ...spec, tenants } : spec));

  it('marks the pinned release as passed', () => {
    const edit = completeCanary(canarying, withTenants([fixtureTenant({ policyCanary: true }), fixtureTenant({ name: 'beta' })]), STAGING);
    expect(edit.pins[STAGING]?.policyCanaryPassed).toBe('1.2.0');
    expect(edit.changes).toEqual([{ environment: STAGING, field: 'policyCanaryPassed', from: '1.1.0', to: '1.2.0' }]);
  });

  it('refuses a canary environment whose tenants include no policy canary: the revisions enforced on none of them', () => {
    const tenants = [fixtureTenant(), fixtureTenant({ name: 'beta', policyCanary: false })];
    expect(() => completeCanary(canarying, withTenants(tenants), STAGING)).toThrow(
      new RegExp(`${STAGING} names no policy canary among its tenants \\(alpha, beta\\): .*Set policyCanary: true on a tenant of ${STAGING}`),
    );
  });

  it('completes the canary of an environment without tenants, whose canary namespaces are labelled outside the spec', () => {
    expect(completeCanary(canarying, withTenants([]), STAGING).pins[STAGING]?.policyCanaryPassed).toBe('1.2.0');
  });

  it('refuses environments that do not canary', () => {
    expect(() => completeCanary(pins, FIXTURE_FLEET, PROD)).toThrow(`${PROD} runs kyverno mode enforce, not canary`);
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
    const text = pinsFileText(
      PINS_JSON as PinsFile,
      ENVIRONMENTS.map((e) => e.name),
    );
    expect(text).toBe(readFileSync(join(__dirname, '../../environments/pins.json'), 'utf8'));
  });

  it('names the file and the environment when an entry is missing', () => {
    expect(() => pinsOf(UNKNOWN)).toThrow(`environments/pins.json has no entry for environment "${UNKNOWN}"`);
  });
});
