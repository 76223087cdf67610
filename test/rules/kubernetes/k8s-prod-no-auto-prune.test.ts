import { tiersOf } from '../../../constructs/rules/catalogue';
import { k8sProdNoAutoPrune as prodNoAutoPrune, k8sProdNoAutoPrune as rule } from '../../../constructs/rules/kubernetes/k8s-prod-no-auto-prune';
import type { EnvironmentSpec } from '../../../environments/types';
import { objectsOf } from '../../platform/render-environment';
import { checkKubernetes, dev, expectCompliant, expectFailure, FIXTURE_FLEET, prod, staging } from '../fixtures';
import { application, applicationSet, compliantSpec, expectAccepted, expectRejected, rendered } from './fixtures';

describe('k8s-prod-no-auto-prune', () => {
  it('runs in production only', () => {
    expect(checkKubernetes(rule, application('root', compliantSpec({ syncPolicy: { automated: { prune: true } } })), dev)).toBeUndefined();
  });

  it('accepts production Applications without prune', () => {
    expectCompliant(checkKubernetes(rule, application('kyverno', compliantSpec()), prod));
  });

  it('rejects an Application that auto-prunes', () => {
    expectFailure(checkKubernetes(rule, application('root', compliantSpec({ syncPolicy: { automated: { prune: true } } })), prod), {
      field: 'spec.syncPolicy.automated.prune',
      value: true,
      problem: /forbids auto-prune/,
    });
  });

  it('rejects an ApplicationSet whose template auto-prunes', () => {
    expectFailure(checkKubernetes(rule, applicationSet('kyverno', compliantSpec({ syncPolicy: { automated: { prune: true } } })), prod), {
      field: 'spec.template.spec.syncPolicy.automated.prune',
    });
  });
});

const pruning = compliantSpec({ syncPolicy: { automated: { prune: true, selfHeal: true } } });
const prodEu: EnvironmentSpec = { ...prod, name: 'prod-eu' };

describe('k8s-prod-no-auto-prune on rendered objects (was the guardrail prod-no-auto-prune)', () => {
  it('accepts the rendered objects of every environment', () => {
    for (const spec of FIXTURE_FLEET) expectAccepted(prodNoAutoPrune, objectsOf(spec), spec);
  });

  it('accepts a production Application that self-heals without pruning', () => {
    expectAccepted(prodNoAutoPrune, [rendered('prod/addons/kyverno/Resource', application('kyverno', compliantSpec()))], prod);
  });

  it('accepts a production Application without automated sync', () => {
    expectAccepted(prodNoAutoPrune, [rendered('prod/addons/manual/Resource', application('manual', compliantSpec({ syncPolicy: {} })))], prod);
  });

  it('rejects an Application with prune true in prod, naming the field, the environment, the path and the fix', () => {
    const object = rendered('prod/addons/kyverno/Resource', application('kyverno', pruning));
    expectRejected(prodNoAutoPrune, object, prod, [
      { field: 'spec.syncPolicy.automated.prune', value: 'true', fix: /sync\.prune: false/, problem: new RegExp(`${prod.name} is a production environment`) },
    ]);
  });

  it('rejects prune true in an ApplicationSet template in prod', () => {
    const object = rendered('prod/sync/policies/Resource', applicationSet('policies-sync', pruning));
    expectRejected(prodNoAutoPrune, object, prod, [{ field: 'spec.template.spec.syncPolicy.automated.prune', value: 'true', fix: /sync\.prune: false/ }]);
  });

  it('rejects prune true in any environment of tier production, whatever its name', () => {
    const object = rendered('prod-eu/root/root/Resource', application('prod-eu-root', pruning));
    const [violation] = expectRejected(prodNoAutoPrune, object, prodEu, [{ field: 'spec.syncPolicy.automated.prune', fix: /sync\.prune/ }]);
    expect(violation?.environment).toBe('prod-eu');
  });

  it('does not run in dev or staging: prune true is allowed there', () => {
    const object = rendered('dev/addons/kyverno/Resource', application('kyverno', pruning));
    expectAccepted(prodNoAutoPrune, [object], dev);
    expectAccepted(prodNoAutoPrune, [object], staging);
    expect(tiersOf(prodNoAutoPrune)).toEqual(['production']);
  });
});
