import { terraformRuleEnvironment } from '../../../apps/synth/rule-environment';
import { tfProdNoWildcardIamAction as rule } from '../../../constructs/rules/terraform/tf-prod-no-wildcard-iam-action';
import { evaluateTerraformRules } from '../../../constructs/rules/terraform-aspect';
import { stackViolations } from '../../../constructs/terraform/render-stack';
import { buildAws } from '../../terraform/aws/aws-test-helpers';
import { checkTerraform, dataSource, dev, expectCompliant, expectFailure, prod, ref, resource } from '../fixtures';

const document = (actions: readonly string[], effect = 'Allow') => dataSource('aws_iam_policy_document', 'permissions', { statement: [{ effect, actions, resources: ['*'] }] });

describe('tf-prod-no-wildcard-iam-action', () => {
  it('runs in production only', () => {
    const doc = document(['*']);
    const policy = resource('aws_iam_policy', 'admin', { policy: ref(doc, 'json') });
    expect(checkTerraform(rule, policy, [doc, policy], dev)).toBeUndefined();
  });

  it('accepts policies that name their actions, and Deny statements with wildcards', () => {
    const doc = document(['s3:GetObject', 'kms:Decrypt']);
    const policy = resource('aws_iam_role_policy', 'read', { role: 'x', policy: ref(doc, 'json') });
    expectCompliant(checkTerraform(rule, policy, [doc, policy], prod));
    const deny = document(['*'], 'Deny');
    const guard = resource('aws_iam_policy', 'guard', { policy: ref(deny, 'json') });
    expectCompliant(checkTerraform(rule, guard, [deny, guard], prod));
  });

  it('rejects Allow of * in a policy document, in JSON and in an inline role policy', () => {
    const doc = document(['*']);
    const policy = resource('aws_iam_policy', 'admin', { policy: ref(doc, 'json') });
    expectFailure(checkTerraform(rule, policy, [doc, policy], prod), { field: 'policy.Statement[0].Action', value: '*' });
    const json = resource('aws_iam_role_policy', 'json', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: '*' }] }) });
    expectFailure(checkTerraform(rule, json, [json], prod), { field: 'policy.Statement[0].Action', value: '*:*' });
    const role = resource('aws_iam_role', 'role', { inline_policy: [{ name: 'all', policy: JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }) }] });
    expectFailure(checkTerraform(rule, role, [role], prod), { field: 'inline_policy[0].policy.Statement[0].Action' });
  });

  it('rejects Allow with NotAction, and policies that cannot be read', () => {
    const notAction = resource('aws_iam_policy', 'almost-all', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }] }) });
    expectFailure(checkTerraform(rule, notAction, [notAction], prod), { field: 'policy.Statement[0].NotAction', value: ['iam:*'] });
    const opaque = resource('aws_iam_policy', 'opaque', { policy: '${templatefile("p.json", {})}' });
    expectFailure(checkTerraform(rule, opaque, [opaque], prod), { field: 'policy', problem: /cannot be read/ });
  });

  it('rejects AdministratorAccess attached to a role, and accepts narrower managed policies', () => {
    const admin = resource('aws_iam_role_policy_attachment', 'admin', { role: 'x', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expectFailure(checkTerraform(rule, admin, [admin], prod), { field: 'policy_arn', value: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    const readOnly = resource('aws_iam_role_policy_attachment', 'read', { role: 'x', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expectCompliant(checkTerraform(rule, readOnly, [readOnly], prod));
  });

  it('rejects an Azure custom role allowing every action', () => {
    const owner = resource('azurerm_role_definition', 'owner', { permissions: [{ actions: ['*'], not_actions: [] }] });
    expectFailure(checkTerraform(rule, owner, [owner], prod), { field: 'permissions[0].actions', value: ['*'] });
    const reader = resource('azurerm_role_definition', 'reader', { permissions: [{ actions: ['Microsoft.Storage/storageAccounts/read'] }] });
    expectCompliant(checkTerraform(rule, reader, [reader], prod));
  });

  it('rejects Allow of a whole service on every resource (iam:*, kms:*), the shape of a CI apply role', () => {
    for (const action of ['iam:*', 'kms:*', 's3:*', 'ec2:*', 'eks:*']) {
      const doc = document(['sts:GetCallerIdentity', action]);
      const policy = resource('aws_iam_role_policy', 'apply', { role: 'x', policy: ref(doc, 'json') });
      expectFailure(checkTerraform(rule, policy, [doc, policy], prod), { field: 'policy.Statement[0].Action', value: action, problem: /every action of .* on every resource/ });
    }
    const json = resource('aws_iam_policy', 'json', { policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }] }) });
    expectFailure(checkTerraform(rule, json, [json], prod), { field: 'policy.Statement[0].Action', value: 'iam:*' });
  });

  it('accepts a service wildcard scoped to named resources, named actions on *, and Deny of a service', () => {
    const scoped = dataSource('aws_iam_policy_document', 'scoped', {
      statement: [
        { effect: 'Allow', actions: ['iam:*'], resources: ['arn:aws:iam::123456789012:role/prod-*'] },
        { effect: 'Allow', actions: ['kms:CreateKey', 'ec2:DescribeVpcs'], resources: ['*'] },
        { effect: 'Deny', actions: ['iam:*'], resources: ['*'] },
      ],
    });
    const policy = resource('aws_iam_role_policy', 'scoped', { role: 'x', policy: ref(scoped, 'json') });
    expectCompliant(checkTerraform(rule, policy, [scoped, policy], prod));
  });

  it('does not check a permissions boundary (it grants nothing), and checks the same policy when nothing uses it as one', () => {
    const ceiling = dataSource('aws_iam_policy_document', 'ceiling', { statement: [{ effect: 'Allow', actions: ['s3:*'], resources: ['*'] }] });
    const boundary = resource('aws_iam_policy', 'boundary', { policy: ref(ceiling, 'json') });
    const role = resource('aws_iam_role', 'workload', { permissions_boundary: ref(boundary, 'arn') });
    expectCompliant(checkTerraform(rule, boundary, [ceiling, boundary, role], prod));
    const creator = dataSource('aws_iam_policy_document', 'creator', {
      statement: [
        {
          effect: 'Allow',
          actions: ['iam:CreateRole'],
          resources: ['arn:aws:iam::123456789012:role/prod-*'],
          condition: [{ test: 'StringEquals', variable: 'iam:PermissionsBoundary', values: [ref(boundary, 'arn')] }],
        },
      ],
    });
    expectCompliant(checkTerraform(rule, boundary, [ceiling, boundary, creator], prod));
    expectFailure(checkTerraform(rule, boundary, [ceiling, boundary], prod), { field: 'policy.Statement[0].Action', value: 's3:*' });
  });

  it('passes every IAM resource of the production AWS stacks, the CI apply role and the permissions boundary included', () => {
    const entries = buildAws(prod);
    for (const entry of entries) stackViolations(entry.stack, prod.name);
    const results = evaluateTerraformRules(terraformRuleEnvironment(prod), entries, '2026-12-01', [rule]);
    expect(results.map((r) => r.resource)).toEqual(expect.arrayContaining(['aws_iam_role_policy.ci-apply-rights', 'aws_iam_policy.boundary-policy']));
    expect(results.filter((r) => r.status !== 'pass').map((r) => [r.resource, r.value, r.problem])).toEqual([]);
  });
});
