import type { Guardrail } from './guardrail';
import { explicitProjectScope } from './rules/explicit-project-scope';
import { noDefaultProject } from './rules/no-default-project';
import { noPlaintextSecrets } from './rules/no-plaintext-secrets';
import { prodNoAutoPrune } from './rules/prod-no-auto-prune';
import { prodPinnedRevisions } from './rules/prod-pinned-revisions';

/** Every guardrail on synthesized Kubernetes objects; each runs in the tiers it names. */
export const KUBERNETES_GUARDRAILS: readonly Guardrail[] = [
  prodNoAutoPrune,
  noDefaultProject,
  prodPinnedRevisions,
  explicitProjectScope,
  noPlaintextSecrets,
];

export type { Guardrail } from './guardrail';
