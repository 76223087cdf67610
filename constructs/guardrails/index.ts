import type { Guardrail } from './guardrail';
import { explicitProjectScope } from './rules/explicit-project-scope';
import { noDefaultProject } from './rules/no-default-project';
import { noPlaintextSecrets } from './rules/no-plaintext-secrets';
import { prodEnforcePolicies } from './rules/prod-enforce-policies';
import { prodExceptionExpiry } from './rules/prod-exception-expiry';
import { prodFailClosed } from './rules/prod-fail-closed';
import { prodNoAutoPrune } from './rules/prod-no-auto-prune';
import { prodPinnedRevisions } from './rules/prod-pinned-revisions';

/** Every guardrail on synthesized Kubernetes objects; each runs in the tiers it names. */
export const KUBERNETES_GUARDRAILS: readonly Guardrail[] = [
  prodNoAutoPrune,
  noDefaultProject,
  prodPinnedRevisions,
  explicitProjectScope,
  noPlaintextSecrets,
  prodEnforcePolicies,
  prodFailClosed,
  prodExceptionExpiry,
];

export type { Guardrail } from './guardrail';
