import type { RiskRule } from '../risk-rule';
import { argocdAutoPruneEnabled } from './argocd-auto-prune-enabled';
import { argocdDeletionCascades } from './argocd-deletion-cascades';
import { argocdGitRevisionUnpinned } from './argocd-git-revision-unpinned';
import { argocdProjectWidened } from './argocd-project-widened';
import { argocdSyncWindowRemoved } from './argocd-sync-window-removed';
import { chartVersionRisky } from './chart-version-risky';
import { clusterAddedOrRemoved } from './cluster-added-or-removed';
import { rbacGrantWidened } from './rbac-grant-widened';
import { secretWithData } from './secret-with-data';

/** Risk rules on Argo CD, RBAC, Secrets and clusters (Kubernetes objects). */
export const ARGOCD_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [
  argocdAutoPruneEnabled,
  argocdDeletionCascades,
  argocdGitRevisionUnpinned,
  argocdSyncWindowRemoved,
  argocdProjectWidened,
  rbacGrantWidened,
  secretWithData,
  chartVersionRisky,
  clusterAddedOrRemoved,
];
