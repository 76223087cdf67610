import { k8sNamespacePodSecurity as rule } from '../../../constructs/rules/kubernetes/k8s-namespace-pod-security';
import { checkKubernetes, dev, expectCompliant, expectFailure } from '../fixtures';

const namespace = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kyverno', labels } });

describe('k8s-namespace-pod-security', () => {
  it('accepts every Pod Security level stated explicitly', () => {
    for (const level of ['restricted', 'baseline', 'privileged']) {
      expectCompliant(checkKubernetes(rule, namespace({ 'pod-security.kubernetes.io/enforce': level }), dev));
    }
  });

  it('rejects a namespace without the enforce label (warn and audit do not enforce)', () => {
    expectFailure(checkKubernetes(rule, namespace({ 'pod-security.kubernetes.io/warn': 'restricted' }), dev), {
      field: 'metadata.labels',
      value: undefined,
      problem: /no pod-security.kubernetes.io\/enforce label/,
    });
  });

  it('rejects a value that is not a level', () => {
    expectFailure(checkKubernetes(rule, namespace({ 'pod-security.kubernetes.io/enforce': 'strict' }), dev), { field: 'metadata.labels', value: 'strict' });
  });
});
