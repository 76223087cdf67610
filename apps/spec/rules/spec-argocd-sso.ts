import { ssoProblems } from '../../../constructs/argocd/argocd-sso';
import { finding } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * Argo CD's single sign-on (`sso`) is well formed. The format rules live with the construct
 * (constructs/argocd/argocd-sso.ts `ssoProblems`) so that the construct and the spec check never disagree.
 */
export const specArgocdSso: SpecRule<EnvironmentSpec> = {
  id: 'spec-argocd-sso',
  engine: 'spec',
  level: 'error',
  title: "Argo CD's single sign-on is well formed",
  rationale: 'Over http the authorization code and session token travel in clear text; a malformed client or scope list locks everyone out at the first login.',
  controls: { soc2: ['CC6.1'], pciDss: ['8.3.2'], iso27001: ['A.5.16', 'A.8.5'], gdpr: ['Art. 32'] },
  check: (spec) =>
    spec.sso === undefined || spec.sso === null ? [] : ssoProblems(spec.sso).map((problem) => finding(`sso.${problem.field}`, problem.value, problem.problem, problem.fix)),
};
