import { EXCEPTION_ANNOTATIONS } from '../../../constructs/kubernetes/gitops-cdk-labels';
import { k8sProdExceptionExpiry as prodExceptionExpiry } from '../../../constructs/rules/kubernetes/k8s-prod-exception-expiry';
import { objectsOf } from '../../platform/render-environment';
import { FIXTURE_FLEET, prod, staging } from '../fixtures';
import { expectAccepted, expectRejected, rendered } from './fixtures';

function exception(annotations: Record<string, string>): Record<string, unknown> {
  return {
    apiVersion: 'kyverno.io/v2',
    kind: 'PolicyException',
    metadata: { name: 'legacy-batch', namespace: 'kyverno', annotations },
    spec: { exceptions: [{ policyName: 'p', ruleNames: ['r'] }], match: { any: [{ resources: { kinds: ['Pod'] } }] } },
  };
}

const owned = { [EXCEPTION_ANNOTATIONS.owner]: 'team-payments', [EXCEPTION_ANNOTATIONS.reason]: 'vendor image runs as root until 5.x' };
const at = 'prod/policies/exception-legacy-batch/Resource';

describe('k8s-prod-exception-expiry', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(prodExceptionExpiry, objectsOf(spec), spec);
  });

  it('accepts a prod exception with an expiry', () => {
    expectAccepted(prodExceptionExpiry, [rendered(at, exception({ ...owned, [EXCEPTION_ANNOTATIONS.expires]: '2027-02-26' }))], prod);
  });

  it('rejects a prod exception without an expiry, naming the file to fix', () => {
    expectRejected(prodExceptionExpiry, rendered(at, exception(owned)), prod, [
      { field: `metadata.annotations["${EXCEPTION_ANNOTATIONS.expires}"]`, value: 'missing', fix: /policies\/exceptions\/legacy-batch\.ts/ },
    ]);
  });

  it('allows an open-ended exception in staging', () => {
    expectAccepted(prodExceptionExpiry, [rendered(at, exception(owned))], staging);
  });
});
