import { providerOf, referencedView, resourcesOfType } from '../../../constructs/rules/inspect/references';
import { viewIndex } from '../../../constructs/rules/inspect/view-index';
import { tfBudgetPerCloud } from '../../../constructs/rules/terraform/tf-budget-per-cloud';
import { tfOidcSubjectScoped } from '../../../constructs/rules/terraform/tf-oidc-subject-scoped';
import { tfStateReplication } from '../../../constructs/rules/terraform/tf-state-replication';
import { tfStorageAccessLogging } from '../../../constructs/rules/terraform/tf-storage-access-logging';
import { tfStorageVersionRetention } from '../../../constructs/rules/terraform/tf-storage-version-retention';
import { tfStorageVersioning } from '../../../constructs/rules/terraform/tf-storage-versioning';
import type { TerraformResourceView } from '../../../constructs/rules/types';
import { countReads } from '../../support/read-counter';
import { checkTerraform, dev, expectCompliant, prod, providerBlock, ref, resource } from '../fixtures';
import { githubProvider, githubRole, REPOSITORY } from '../identity-fixtures';

describe('view index', () => {
  it('is built once per array, and again when the array grows', () => {
    const views: TerraformResourceView[] = [resource('aws_s3_bucket', 'a', {})];
    const first = viewIndex(views);
    expect(viewIndex(views)).toBe(first);
    expect(viewIndex([...views])).not.toBe(first);
    views.push(resource('aws_s3_bucket', 'b', {}));
    expect(viewIndex(views)).not.toBe(first);
    expect(resourcesOfType(views, 'aws_s3_bucket').map((v) => v.name)).toEqual(['a', 'b']);
  });

  it('answers as the first matching view of the array did', () => {
    const a = resource('aws_s3_bucket', 'a', {});
    const again = resource('aws_s3_bucket', 'a', { second: true });
    const mainHere = providerBlock('aws', {});
    const mainThere = providerBlock('aws', {}, { stack: 'other' });
    const secondMain = providerBlock('aws', { second: true });
    const views = [mainThere, a, again, mainHere, secondMain];
    expect(referencedView('${aws_s3_bucket.a.id}', views)).toBe(a);
    expect(providerOf(a, views)).toBe(mainHere);
    expect(providerOf(resource('aws_s3_bucket', 'x', {}, { stack: 'other' }), views)).toBe(mainThere);
    expect(providerOf(resource('aws_s3_bucket', 'x', { provider: 'aws.replica' }), views)).toBeUndefined();
  });

  it('lists the managed resources of several types in array order', () => {
    const group = resource('azurerm_consumption_budget_resource_group', 'g', {});
    const subscription = resource('azurerm_consumption_budget_subscription', 's', {});
    const data = resource('azurerm_consumption_budget_subscription', 'd', {}, { mode: 'data' });
    const views = [group, data, subscription, group];
    expect(resourcesOfType(views, 'azurerm_consumption_budget_subscription', 'azurerm_consumption_budget_resource_group')).toEqual([group, subscription, group]);
  });
});

/** One stack per cluster as a fleet has them: a provider block, a versioned bucket logging to its log bucket. */
function clusterStack(i: number): TerraformResourceView[] {
  const stack = `aws-cluster-${i}`;
  const bucket = resource('aws_s3_bucket', `state-${i}`, { bucket: `acme-state-${i}` }, { stack });
  const logs = resource('aws_s3_bucket', `logs-${i}`, { bucket: `acme-logs-${i}` }, { stack });
  return [
    providerBlock('aws', {}, { stack }),
    bucket,
    logs,
    resource('aws_s3_bucket_versioning', `versioning-${i}`, { bucket: ref(bucket, 'id'), versioning_configuration: { status: 'Enabled' } }, { stack }),
    resource('aws_s3_bucket_logging', `logging-${i}`, { bucket: ref(bucket, 'id'), target_bucket: ref(logs, 'id') }, { stack }),
  ];
}

describe('environment-wide rules read the environment once, not once per resource', () => {
  const CLUSTERS = 120;
  const stacks = Array.from({ length: CLUSTERS }, (_, i) => clusterStack(i));
  const budget = resource('aws_budgets_budget', 'monthly', {}, { stack: 'aws-foundation' });
  const environment = [...stacks.flat(), budget];

  it('checks every provider block of the fleet for a budget with one pass over the environment', () => {
    const counted = countReads(environment);
    for (const stack of stacks) expectCompliant(checkTerraform(tfBudgetPerCloud, stack[0]!, stack, dev, counted.items));
    expect(counted.reads()).toBeLessThanOrEqual(2 * environment.length);
  });

  const storageRules = [tfStorageVersioning, tfStorageAccessLogging, tfStorageVersionRetention, tfStateReplication].map((rule) => [rule.id, rule] as const);
  it.each(storageRules)('%s asks the environment who logs or replicates into each bucket with one pass', (_id, rule) => {
    const counted = countReads(environment);
    for (const stack of stacks) {
      for (const bucket of stack.filter((v) => v.type === 'aws_s3_bucket')) checkTerraform(rule, bucket, stack, prod, counted.items);
    }
    expect(counted.reads()).toBeLessThanOrEqual(2 * environment.length);
  });

  it('still tells log buckets and replicas from state buckets', () => {
    const [, bucket, logs] = stacks[7]!;
    expect(checkTerraform(tfStorageVersioning, logs!, stacks[7]!, prod, environment)).toEqual({ compliant: true, notApplicable: true });
    expect(checkTerraform(tfStorageVersioning, bucket!, stacks[7]!, prod, environment)).toEqual({ compliant: true });
  });

  it('finds the GitHub OIDC provider of another stack for every role with one pass', () => {
    const roles = Array.from({ length: CLUSTERS }, (_, i) => githubRole(`ci-plan-${i}`, [`repo:${REPOSITORY}:pull_request`]));
    const counted = countReads([...environment, ...roles.flatMap(({ role, trust }) => [role, trust]), githubProvider]);
    for (const { role, trust } of roles) expectCompliant(checkTerraform(tfOidcSubjectScoped, role, [role, trust], prod, counted.items));
    expect(counted.reads()).toBeLessThanOrEqual(2 * counted.items.length);
  });
});
