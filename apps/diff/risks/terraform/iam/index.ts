import type { TerraformUnit } from '../../../estate-unit';
import { AWS_IAM } from './aws';
import { AZURE_IAM } from './azure';
import { GCP_IAM } from './gcp';
import type { IamType } from './types';

/** One table per cloud; a new cloud adds a file here. */
export const IAM_TABLES: readonly (readonly IamType[])[] = [AWS_IAM, AZURE_IAM, GCP_IAM];

export function iamType(unit: TerraformUnit): IamType | undefined {
  return IAM_TABLES.flat().find((entry) => entry.block === unit.block && entry.type === unit.type);
}
