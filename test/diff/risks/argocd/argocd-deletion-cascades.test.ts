import { argocdDeletionCascades } from '../../../../apps/diff/risks/argocd/argocd-deletion-cascades';
import { findings, kubernetesChange } from '../../change-builders';
import { prodKyvernoSet, withField } from './argo-applications';

const PRESERVE = ['spec', 'syncPolicy', 'preserveResourcesOnDeletion'];

describe('argocd-deletion-cascades', () => {
  it('flags the kyverno ApplicationSet no longer preserving resources on deletion in production as high', () => {
    const change = kubernetesChange(prodKyvernoSet(), withField(prodKyvernoSet(), PRESERVE, false));
    expect(findings(argocdDeletionCascades, change, 'production')).toEqual([
      {
        level: 'high',
        reason:
          'ApplicationSet argocd/kyverno: syncPolicy.preserveResourcesOnDeletion true -> false in production: its Applications get the resources finalizer, so deleting the set, or a cluster leaving its generator, deletes everything they deployed (CRDs included, with the objects stored in them)',
        path: 'spec.syncPolicy.preserveResourcesOnDeletion',
      },
    ]);
  });

  it('flags the syncPolicy dropped (absent is false) as medium in staging', () => {
    const change = kubernetesChange(prodKyvernoSet(), withField(prodKyvernoSet(), ['spec', 'syncPolicy'], undefined), 'staging');
    expect(findings(argocdDeletionCascades, change, 'staging')).toEqual([
      expect.objectContaining({ level: 'medium', reason: expect.stringContaining('preserveResourcesOnDeletion true -> (absent: false) in staging') }),
    ]);
  });

  it('does not flag preservation switched on, another field of the set changed, an added set, nor a template with finalizers of its own', () => {
    const unpreserved = withField(prodKyvernoSet(), PRESERVE, false);
    expect(findings(argocdDeletionCascades, kubernetesChange(unpreserved, prodKyvernoSet()), 'production')).toEqual([]);
    const relabelled = withField(prodKyvernoSet(), ['spec', 'goTemplateOptions'], []);
    expect(findings(argocdDeletionCascades, kubernetesChange(prodKyvernoSet(), relabelled), 'production')).toEqual([]);
    expect(findings(argocdDeletionCascades, kubernetesChange(undefined, unpreserved), 'production')).toEqual([]);
    const ownFinalizers = withField(prodKyvernoSet(), ['spec', 'template', 'metadata', 'finalizers'], ['example.com/keep']);
    expect(findings(argocdDeletionCascades, kubernetesChange(ownFinalizers, withField(ownFinalizers, PRESERVE, false)), 'production')).toEqual([]);
  });
});
