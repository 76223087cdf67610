import type { TerraformUnit } from '../../../estate-unit';
import { AWS_STORAGE } from './aws';
import { AZURE_STORAGE } from './azure';
import { BACKEND_STORAGE } from './backends';
import { GCP_STORAGE } from './gcp';
import type { ProtectedType } from './types';

/** One table per cloud and one for the backends; a new cloud adds a file here. */
export const STORAGE_TABLES: readonly (readonly ProtectedType[])[] = [AWS_STORAGE, AZURE_STORAGE, GCP_STORAGE, BACKEND_STORAGE];

/** The protections a block gives its storage, or undefined for a block that gives none. */
export function protectedType(unit: TerraformUnit): ProtectedType | undefined {
  if (unit.block !== 'resource' && unit.block !== 'data' && unit.block !== 'backend') return undefined;
  return STORAGE_TABLES.flat().find((entry) => entry.block === unit.block && entry.type === unit.type);
}
