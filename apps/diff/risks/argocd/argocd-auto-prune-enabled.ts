import type { Tier } from '../../../../constructs/core/tier';
import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { at, objectAt } from '../json-values';
import { highInProduction, type RiskFinding, type RiskLevel, type RiskRule } from '../risk-rule';
import { applicationSpec, isApplicationOrSet } from './kubernetes-objects';

/**
 * What an automated sync may delete. Argo CD v2.13.2 (controller/appcontroller.go, autoSync) prunes
 * only with `automated.prune`, and refuses an auto-sync that would prune every resource ("auto-sync
 * will wipe out all resources") unless `automated.allowEmpty` is set: allowEmpty matters only with
 * prune, so both are read as what they do together.
 */
interface AutomatedPruning {
  readonly prune: boolean;
  /** allowEmpty in effect: automated, pruning and allowed to prune down to nothing. */
  readonly pruneToEmpty: boolean;
}

function automatedPruning(unit: KubernetesUnit | undefined): AutomatedPruning {
  if (unit === undefined || !isApplicationOrSet(unit)) return { prune: false, pruneToEmpty: false };
  const automated = objectAt(applicationSpec(unit).spec, 'syncPolicy', 'automated');
  const prune = automated !== undefined && at(automated, 'prune') === true;
  return { prune, pruneToEmpty: prune && at(automated, 'allowEmpty') === true };
}

/** Auto-prune deletes from the cluster what leaves Git; development prunes by design, staging is a rehearsal. */
const PRUNE_LEVEL: Record<Tier, RiskLevel | undefined> = { production: 'high', staging: 'low', development: undefined };

export const argocdAutoPruneEnabled: RiskRule<'kubernetes'> = {
  id: 'argocd-auto-prune-enabled',
  engine: 'kubernetes',
  title: 'automated sync switched to prune (or to prune down to nothing with allowEmpty)',
  check(change, context) {
    const head = change.head;
    if (head === undefined || !isApplicationOrSet(head)) return [];
    const before = automatedPruning(change.base);
    const after = automatedPruning(head);
    const { prefix } = applicationSpec(head);
    const label = unitLabel(head);
    const what = (field: string): string => (change.kind === 'added' ? `added with ${field} true` : `${field} switched on (false -> true)`);
    const findings: RiskFinding[] = [];
    const pruneLevel = PRUNE_LEVEL[context.tier];
    if (after.prune && !before.prune && pruneLevel !== undefined) {
      findings.push({
        level: pruneLevel,
        reason: `${label}: ${what('automated.prune')} in ${context.tier}; an object removed from Git (or a wrong render) is deleted from the cluster without review`,
        path: `${prefix}.syncPolicy.automated.prune`,
      });
    }
    if (after.pruneToEmpty && !before.pruneToEmpty) {
      findings.push({
        level: highInProduction(context.tier),
        reason: `${label}: ${what('automated.prune with automated.allowEmpty')} in ${context.tier}; an empty render (wrong path or revision) prunes every resource of the application`,
        path: `${prefix}.syncPolicy.automated.allowEmpty`,
      });
    }
    return findings;
  },
};
