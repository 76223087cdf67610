import type { RiskRule } from '../risk-rule';
import { argocdAutoPruneEnabled } from './argocd-auto-prune-enabled';

/** Risk rules on Argo CD, RBAC, Secrets and clusters (Kubernetes objects). */
export const ARGOCD_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [argocdAutoPruneEnabled];
