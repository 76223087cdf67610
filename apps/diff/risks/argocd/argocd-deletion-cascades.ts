import { unitLabel } from '../../estate-unit';
import { at, listAt } from '../json-values';
import { highInProduction, type RiskRule } from '../risk-rule';

/**
 * An ApplicationSet that no longer preserves its Applications' resources on deletion. Argo CD
 * v2.13.2 (applicationset/utils/utils.go, RenderTemplateParams) gives every generated Application
 * the `resources-finalizer.argocd.argoproj.io` finalizer unless `syncPolicy.preserveResourcesOnDeletion`
 * is true or the template lists finalizers of its own, and sets it on the existing Applications at
 * the next reconcile (applicationset_controller.go, createOrUpdateInCluster copies the finalizers).
 * With the finalizer, deleting an Application deletes what it deployed: deleting the set, or a
 * still-registered cluster no longer selected by its generator, then deletes the workloads, and for
 * the kyverno set its CRDs, with every policy and exception stored in them. (A cluster unregistered
 * altogether is spared: the controller drops the finalizer of an Application whose destination is gone.)
 */
export const argocdDeletionCascades: RiskRule<'kubernetes'> = {
  id: 'argocd-deletion-cascades',
  engine: 'kubernetes',
  title: 'an ApplicationSet no longer preserving resources on deletion (deleting it deletes what its Applications deployed)',
  check(change, context) {
    const { base, head } = change;
    if (base === undefined || head === undefined || head.kind !== 'ApplicationSet' || !head.apiVersion.startsWith('argoproj.io/')) return [];
    const preserved = (body: typeof head.body): boolean => at(body, 'spec', 'syncPolicy', 'preserveResourcesOnDeletion') === true;
    if (!preserved(base.body) || preserved(head.body)) return [];
    // A template with finalizers of its own never got the resources finalizer from the flag.
    if (listAt(head.body, 'spec', 'template', 'metadata', 'finalizers').length > 0) return [];
    const after = at(head.body, 'spec', 'syncPolicy', 'preserveResourcesOnDeletion') === undefined ? '(absent: false)' : 'false';
    return [
      {
        level: highInProduction(context.tier),
        reason: `${unitLabel(head)}: syncPolicy.preserveResourcesOnDeletion true -> ${after} in ${context.tier}: its Applications get the resources finalizer, so deleting the set, or a cluster leaving its generator, deletes everything they deployed (CRDs included, with the objects stored in them)`,
        path: 'spec.syncPolicy.preserveResourcesOnDeletion',
      },
    ];
  },
};
