/**
 * The IAM service prefix that creates, changes and reads each Terraform resource type the AWS
 * stacks use (AWS Service Authorization Reference: the prefix of the actions the provider calls
 * for it; e.g. an `aws_route` is `ec2:CreateRoute`, an `aws_flow_log` is `ec2:CreateFlowLogs`).
 * A type missing here fails the test that uses it: add it with its prefix.
 */
const SERVICE_OF_TYPE_PREFIX: readonly (readonly [RegExp, string])[] = [
  [/^aws_s3_/, 's3'],
  [/^aws_kms_/, 'kms'],
  [/^aws_iam_/, 'iam'],
  [/^aws_eks_/, 'eks'],
  [/^aws_cloudwatch_log_/, 'logs'],
  [/^aws_budgets_/, 'budgets'],
  [/^aws_route53_resolver_/, 'route53resolver'],
  [/^aws_(vpc|subnet|route|route_table|route_table_association|internet_gateway|nat_gateway|eip|security_group|default_security_group|flow_log)(_|$)/, 'ec2'],
];

/** The IAM service of `type`, or undefined when the table does not know it. */
export function iamServiceOf(type: string): string | undefined {
  return SERVICE_OF_TYPE_PREFIX.find(([pattern]) => pattern.test(type))?.[1];
}
