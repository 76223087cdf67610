import type { TerraformEnvironment } from './terraform-environment';

/**
 * Tags (AWS, Azure) and labels (GCP) every cloud resource carries. Keys and values are lower-case
 * letters, digits and dashes, which all three clouds accept. Providers apply them by default
 * (AWS `default_tags`, GCP `default_labels`); Azure has no provider default, so its constructs
 * pass them to every taggable resource.
 */
export function standardTags(spec: TerraformEnvironment): Record<string, string> {
  return { env: spec.name, owner: spec.owner, 'cost-centre': spec.costCentre, 'managed-by': 'gitops-cdk' };
}
