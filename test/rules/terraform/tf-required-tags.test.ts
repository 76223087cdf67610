import { tfRequiredTags as rule } from '../../../constructs/rules/terraform/tf-required-tags';
import { checkTerraform, dev, expectCompliant, expectFailure, expectNotApplicable, prod, providerBlock, resource, tagsOf } from '../fixtures';

describe('tf-required-tags', () => {
  it('accepts an AWS resource tagged through the provider default_tags', () => {
    const provider = providerBlock('aws', { region: 'eu-west-1', default_tags: [{ tags: tagsOf(prod) }] });
    const bucket = resource('aws_s3_bucket', 'state', { bucket: 'x' }, { tagAttribute: 'tags' });
    expectCompliant(checkTerraform(rule, bucket, [provider, bucket], prod));
  });

  it('uses the provider the resource names by alias', () => {
    const main = providerBlock('aws', { default_tags: [{ tags: tagsOf(prod) }] });
    const replica = providerBlock('aws', { region: 'eu-central-1' }, { alias: 'replica' });
    const bucket = resource('aws_s3_bucket', 'replica', { bucket: 'x', provider: 'aws.replica' }, { tagAttribute: 'tags' });
    expectFailure(checkTerraform(rule, bucket, [main, replica, bucket], prod), { field: 'tags.env', value: undefined, problem: /no env tag/ });
  });

  it('rejects a wrong value, with resource tags overriding the provider defaults', () => {
    const provider = providerBlock('aws', { default_tags: [{ tags: tagsOf(prod) }] });
    const bucket = resource('aws_s3_bucket', 'state', { tags: { owner: 'someone-else' } }, { tagAttribute: 'tags' });
    expectFailure(checkTerraform(rule, bucket, [provider, bucket], prod), { field: 'tags.owner', value: 'someone-else' });
  });

  it('accepts Azure resources with the tags on the resource', () => {
    const group = resource('azurerm_resource_group', 'rg', { tags: tagsOf(dev) }, { tagAttribute: 'tags' });
    expectCompliant(checkTerraform(rule, group, [group], dev));
  });

  it('rejects Azure resources missing a tag (Azure has no provider defaults)', () => {
    const partial = resource('azurerm_resource_group', 'rg', { tags: { env: dev.name } }, { tagAttribute: 'tags' });
    expectFailure(checkTerraform(rule, partial, [partial], dev), { field: 'tags.owner', fix: /standardTags/ });
  });

  it('accepts GCP labels from default_labels, also on resource_labels', () => {
    const provider = providerBlock('google', { default_labels: tagsOf(dev) });
    const cluster = resource('google_container_cluster', 'cluster', {}, { tagAttribute: 'resource_labels' });
    expectCompliant(checkTerraform(rule, cluster, [provider, cluster], dev));
    expectFailure(checkTerraform(rule, cluster, [cluster], dev), { field: 'resource_labels.env', problem: /no env tag/, fix: /default_labels/ });
  });

  it('does not check resources whose type has no tags', () => {
    const versioning = resource('aws_s3_bucket_versioning', 'versioning', { bucket: 'x' });
    expectNotApplicable(checkTerraform(rule, versioning, [versioning], prod));
  });
});
