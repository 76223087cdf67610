import { expectedAdmission, variantsFor } from '../../../apps/verify/admission-expectations';
import { POLICY_CANARY_LABEL } from '../../../constructs/kubernetes/gitops-cdk-labels';
import type { PolicyCase, PolicyDefinition } from '../../../constructs/kyverno/policy-definition';
import type { EnvironmentSpec, KyvernoSpec } from '../../../environments/types';

// A spec needs only its name and Kyverno settings here.
function spec(kyverno: KyvernoSpec): EnvironmentSpec {
  return { name: 'fixture', kyverno } as EnvironmentSpec;
}

const definition = (release: string) => ({ name: 'fixture-policy', release }) as PolicyDefinition;
const failing = { rule: 'r', expect: 'fail', description: 'x', resource: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'team-a' } } } as PolicyCase;
const passing = { ...failing, expect: 'pass' } as PolicyCase;
const canary = { [POLICY_CANARY_LABEL]: 'true' };

describe('expectedAdmission', () => {
  it('audits in an audit environment: the failure is admitted and reported', () => {
    expect(expectedAdmission(spec({ mode: 'audit', catalog: '1.2.0' }), definition('1.2.0'), 'validate', failing, {}).admission).toBe('admitted-reported');
  });

  it('denies every failing case where the environment enforces', () => {
    expect(expectedAdmission(spec({ mode: 'enforce', catalog: '1.1.0' }), definition('1.0.0'), 'validate', failing, {}).admission).toBe('denied');
  });

  it('in a canary environment denies new revisions in canary namespaces only, and passed revisions everywhere', () => {
    const staging = spec({ mode: 'canary', catalog: '1.2.0', canaryPassed: '1.1.0' });
    expect(expectedAdmission(staging, definition('1.2.0'), 'validate', failing, canary).admission).toBe('denied');
    expect(expectedAdmission(staging, definition('1.2.0'), 'validate', failing, {}).admission).toBe('admitted-reported');
    expect(expectedAdmission(staging, definition('1.1.0'), 'validate', failing, {}).admission).toBe('denied');
    expect(expectedAdmission(spec({ mode: 'canary', catalog: '1.2.0' }), definition('1.0.0'), 'validate', failing, {}).admission).toBe('admitted-reported');
  });

  it('admits pass cases everywhere and does not replay image verification offline', () => {
    expect(expectedAdmission(spec({ mode: 'enforce', catalog: '1.1.0' }), definition('1.0.0'), 'validate', passing, canary).admission).toBe('admitted');
    const image = expectedAdmission(spec({ mode: 'enforce', catalog: '1.1.0' }), definition('1.0.0'), 'verifyImages', failing, {});
    expect(image).toEqual({ admission: 'not-replayed', why: expect.stringMatching(/registry and the Rekor transparency log/) });
  });
});

describe('expectedAdmission of cluster-scoped cases', () => {
  it('does not replay a failing cluster-scoped case under a canary: the canary selects namespaces', () => {
    const namespaceCase = { ...failing, resource: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kyverno' } } } as PolicyCase;
    const staging = spec({ mode: 'canary', catalog: '1.2.0', canaryPassed: '1.1.0' });
    expect(expectedAdmission(staging, definition('1.2.0'), 'validate', namespaceCase, canary).admission).toBe('not-replayed');
    // Once the canary passed, the revision enforces everywhere, namespaces or not.
    expect(expectedAdmission(staging, definition('1.1.0'), 'validate', namespaceCase, {}).admission).toBe('denied');
  });
});

describe('variantsFor', () => {
  it('replays staging cases in a canary namespace and in another one, other environments as written', () => {
    const labelled = { ...failing, namespaceLabels: { variant: 'b' } } as PolicyCase;
    expect(variantsFor(spec({ mode: 'canary', catalog: '1.2.0' }), labelled).map((v) => v.labels)).toEqual([{ variant: 'b', ...canary }, { variant: 'b' }]);
    expect(variantsFor(spec({ mode: 'enforce', catalog: '1.1.0' }), labelled).map((v) => v.labels)).toEqual([{ variant: 'b' }]);
  });
});
