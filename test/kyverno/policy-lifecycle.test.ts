import { POLICY_CANARY_LABEL } from '../../constructs/kubernetes/gitops-cdk-labels';
import { FailureAction } from '../../constructs/kyverno/failure-action';
import { failureActionFor, NON_PRODUCTION_FAIL_OPEN_REASON, webhookBehaviourFor } from '../../constructs/kyverno/policy-lifecycle';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';
import { definition } from './fixtures';

const dev = fixtureEnvironment({ tier: 'development' });
const staging = fixtureEnvironment({ tier: 'staging' });
const prod = fixtureEnvironment({ tier: 'production' });

const canaryOverride = [{ action: 'Enforce', namespaceSelector: { matchLabels: { [POLICY_CANARY_LABEL]: 'true' } } }];

function inCanary(canaryPassed: string | undefined): EnvironmentSpec {
  const { canaryPassed: _dropped, ...kyverno } = staging.kyverno;
  return { ...staging, kyverno: { ...kyverno, mode: 'canary', catalog: '1.2.0', ...(canaryPassed !== undefined ? { canaryPassed } : {}) } };
}

describe('failure action per environment', () => {
  it('audits every revision in dev (audit mode)', () => {
    for (const release of ['1.0.0', '1.2.0']) {
      const action = failureActionFor(dev, definition({ release }));
      expect([action.stage, action.action, action.wireOverrides]).toEqual(['audit', 'Audit', []]);
    }
  });

  it('enforces every revision in prod (enforce mode)', () => {
    const action = failureActionFor(prod, definition({ release: '1.1.0' }));
    expect([action.stage, action.action, action.wireOverrides]).toEqual(['enforce', 'Enforce', []]);
  });

  it('in canary mode enforces revisions that passed their canary everywhere', () => {
    const action = failureActionFor(inCanary('1.1.0'), definition({ release: '1.1.0' }));
    expect([action.stage, action.action, action.wireOverrides]).toEqual(['enforce', 'Enforce', []]);
  });

  it('in canary mode enforces newer revisions on canary namespaces only, auditing elsewhere', () => {
    const action = failureActionFor(inCanary('1.1.0'), definition({ release: '1.2.0' }));
    expect([action.stage, action.action, action.wireOverrides]).toEqual(['canary', 'Audit', canaryOverride]);
  });

  it('canaries every revision when nothing has passed yet', () => {
    expect(failureActionFor(inCanary(undefined), definition({ release: '1.0.0' })).stage).toBe('canary');
  });

  it('enforces everywhere once the canary stage is done (canaryPassed equals the pinned release)', () => {
    expect(failureActionFor(inCanary('1.2.0'), definition({ release: '1.2.0' })).stage).toBe('enforce');
  });

  it('compares releases numerically, not as text', () => {
    expect(failureActionFor(inCanary('1.10.0'), definition({ release: '1.9.0' })).stage).toBe('enforce');
    expect(failureActionFor(inCanary('1.9.0'), definition({ release: '1.10.0' })).stage).toBe('canary');
  });

  it('the canary override targets exactly the canary label', () => {
    expect(FailureAction.enforceOnCanaries().wireOverrides).toEqual(canaryOverride);
  });
});

describe('webhook failure policy per environment', () => {
  it('fails closed in production', () => {
    expect(webhookBehaviourFor(prod, definition())).toEqual({ failurePolicy: 'Fail' });
  });

  it('fails open in production only for a policy the spec lists, recording its reason', () => {
    const reason = 'image verification must not block a regional registry outage; mirrored images are scanned';
    const spec: EnvironmentSpec = { ...prod, kyverno: { ...prod.kyverno, failOpen: [{ policy: 'require-team-label', reason }] } };
    expect(webhookBehaviourFor(spec, definition())).toEqual({ failurePolicy: 'Ignore', reason });
    expect(webhookBehaviourFor(spec, definition({ name: 'other' }))).toEqual({ failurePolicy: 'Fail' });
  });

  it('fails open below production, with the tier reason recorded', () => {
    for (const spec of [dev, staging]) {
      expect(webhookBehaviourFor(spec, definition())).toEqual({ failurePolicy: 'Ignore', reason: NON_PRODUCTION_FAIL_OPEN_REASON });
    }
  });
});
