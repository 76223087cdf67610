import { disallowLatestTag } from './disallow-latest-tag';
import type { PolicyDefinition } from './policy-definition';

/** The Kyverno policy catalog every environment runs, each at its environment's failure action. */
export const POLICY_CATALOG: readonly PolicyDefinition[] = [disallowLatestTag];

export type { PolicyDefinition } from './policy-definition';
