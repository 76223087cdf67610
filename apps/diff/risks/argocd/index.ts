import type { RiskRule } from '../risk-rule';
import { argocdAutoPruneEnabled } from './argocd-auto-prune-enabled';
import { chartVersionRisky } from './chart-version-risky';
import { clusterAddedOrRemoved } from './cluster-added-or-removed';
import { secretWithData } from './secret-with-data';

/** Risk rules on Argo CD, RBAC, Secrets and clusters (Kubernetes objects). */
export const ARGOCD_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [argocdAutoPruneEnabled, secretWithData, chartVersionRisky, clusterAddedOrRemoved];
