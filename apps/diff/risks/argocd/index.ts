import type { RiskRule } from '../risk-rule';

/** Risk rules on Argo CD, RBAC, Secrets and clusters (Kubernetes objects). */
export const ARGOCD_RISK_RULES: readonly RiskRule<'kubernetes'>[] = [];
