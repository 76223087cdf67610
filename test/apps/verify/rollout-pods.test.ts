import type { KubeObject } from '../../../apps/verify/documents';
import { podOfRollout } from '../../../apps/verify/rollout-pods';
import { manifestOfKind, renderWorkload } from '../../delivery/render-workload';

describe("the Pod the engine check admits for a Rollout (Kyverno's autogen skips Rollouts)", () => {
  it("is the Rollout's pod template, in its namespace, labelled as the controller labels its pods", () => {
    const { manifests } = renderWorkload('production');
    const rollout = manifestOfKind(manifests, 'Rollout') as unknown as KubeObject;
    const template = (rollout.spec as { template: { metadata: { labels: Record<string, string> }; spec: unknown } }).template;
    const pod = podOfRollout(rollout);
    if (pod === undefined) throw new Error('expected a Pod');
    expect(pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `${rollout.metadata.name}-verify`, namespace: rollout.metadata.namespace } });
    expect(pod.spec).toEqual(template.spec);
    expect((pod.metadata as unknown as { labels: Record<string, string> }).labels).toEqual({ ...template.metadata.labels, 'rollouts-pod-template-hash': 'verify' });
  });

  it('is absent for a Rollout without an inline template (workloadRef), which the check then reports', () => {
    expect(
      podOfRollout({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'x', namespace: 'y' }, spec: { workloadRef: { kind: 'Deployment', name: 'x' } } }),
    ).toBeUndefined();
  });
});
