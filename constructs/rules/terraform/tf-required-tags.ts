import { blocks, stringMapAt } from '../inspect/attributes';
import { providerOf } from '../inspect/references';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { TerraformResourceView, TerraformRule } from '../types';

/**
 * Every taggable resource carries the environment's standard tags (`standardTags`: env, owner,
 * cost-centre, managed-by) with the spec's values. Where a provider applies tags by default they
 * count: AWS `default_tags` and GCP `default_labels` of the provider block the resource is
 * created with (its `provider` alias, or the default one of its stack); resource tags override
 * them, as the providers do. Azure has no provider default: the resource's `tags` must carry them.
 * Whether a type is taggable comes from its provider schema (`tagAttribute` of the view).
 */
export const tfRequiredTags: TerraformRule = {
  id: 'tf-required-tags',
  engine: 'terraform',
  level: 'error',
  title: 'Cloud resources carry the environment, owner, cost-centre and managed-by tags',
  rationale:
    'Untagged resources have no owner to call during an incident, no cost centre to bill, and cannot be told ' +
    'apart from resources created by hand. Tags are the asset inventory the clouds keep for us.',
  controls: {
    soc2: ['CC6.1'],
    pciDss: ['12.5.1'],
    iso27001: ['A.5.9'],
    gdpr: ['Art. 30'],
  },
  resourceTypes: ['*'],
  check(resource, context) {
    const attribute = resource.tagAttribute;
    if (attribute === undefined) return NOT_APPLICABLE;
    const effective = { ...providerDefaults(resource, context.stackResources), ...stringMapAt(resource.attributes, attribute) };
    const required = context.environment.tags;
    const wrong = Object.entries(required).find(([key, value]) => effective[key] !== value);
    if (wrong === undefined) return COMPLIANT;
    const [key, value] = wrong;
    const where = resource.type.startsWith('azurerm_') ? attribute : `${attribute} (or the provider's ${resource.type.startsWith('google_') ? 'default_labels' : 'default_tags'})`;
    return nonCompliant(
      `${attribute}.${key}`,
      effective[key],
      effective[key] === undefined ? `the resource has no ${key} tag` : `the ${key} tag is not ${JSON.stringify(value)}`,
      `set ${key} = "${value}" in ${where}; standardTags(spec) gives every required tag`,
    );
  },
};

/** Tags or labels the resource's provider block applies to every resource it creates. */
function providerDefaults(resource: TerraformResourceView, resources: readonly TerraformResourceView[]): Record<string, string> {
  const provider = providerOf(resource, resources);
  if (provider === undefined) return {};
  if (provider.type === 'aws') {
    const merged: Record<string, string> = {};
    for (const defaults of blocks(provider.attributes.default_tags)) Object.assign(merged, stringMapAt(defaults, 'tags'));
    return merged;
  }
  if (provider.type === 'google' || provider.type === 'google-beta') return stringMapAt(provider.attributes, 'default_labels');
  return {};
}
