import { AWS_REPLACEMENT } from './aws';
import { AZURE_REPLACEMENT } from './azure';
import { GCP_REPLACEMENT } from './gcp';
import type { ReplacementTable, ResourceReplacement } from './types';

/** One table per provider; a new cloud adds a file here. */
export const REPLACEMENT_TABLES: readonly ReplacementTable[] = [AWS_REPLACEMENT, AZURE_REPLACEMENT, GCP_REPLACEMENT];

/** The force-new attributes of a resource type, with the provider they were read from. */
export function replacementOf(type: string | undefined): { readonly provider: string; readonly resource: ResourceReplacement } | undefined {
  if (type === undefined) return undefined;
  for (const table of REPLACEMENT_TABLES) {
    const resource = table.resources[type];
    if (resource !== undefined) return { provider: table.provider, resource };
  }
  return undefined;
}
