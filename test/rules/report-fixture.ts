import { ruleCatalogue } from '../../constructs/rules/catalogue';
import type { RuleResult } from '../../constructs/rules/result';
import { SUPPRESSION_RULE } from '../../constructs/rules/suppressions';

/** The catalogue of every pack's rules, with the suppression rule. */
export const CATALOGUE = ruleCatalogue();
export const RULES = CATALOGUE.filter((r) => r.id !== SUPPRESSION_RULE.id);
export const controlsOf = (id: string) => RULES.find((r) => r.id === id)!.controls;

/** A result of a catalogue rule, with its level and controls; a Terraform result of aws-foundation unless told. */
export function result(overrides: Partial<RuleResult> & Pick<RuleResult, 'environment' | 'rule' | 'resource' | 'status'>): RuleResult {
  return {
    engine: overrides.rule.startsWith('k8s-') ? 'kubernetes' : 'terraform',
    unit: 'aws-foundation',
    path: `${overrides.environment}/${overrides.resource}`,
    level: RULES.find((r) => r.id === overrides.rule)?.level ?? 'error',
    controls: RULES.find((r) => r.id === overrides.rule)?.controls ?? SUPPRESSION_RULE.controls,
    ...overrides,
  };
}

/** Two environments: a pass and a failing error in prod; a suppression, a pass and a failing warning in dev. */
export const RESULTS: readonly RuleResult[] = [
  result({ environment: 'prod', rule: 'tf-storage-versioning', resource: 'aws_s3_bucket.state', status: 'pass' }),
  result({
    environment: 'prod',
    rule: 'tf-storage-access-logging',
    resource: 'aws_s3_bucket.replica',
    status: 'fail',
    field: 'aws_s3_bucket_logging.target_bucket',
    value: 'missing',
    problem: 'S3 server access logging is off',
    fix: 'add an aws_s3_bucket_logging | to a log bucket',
  }),
  result({
    environment: 'dev',
    rule: 'tf-network-flow-logs',
    resource: 'azurerm_virtual_network.vnet',
    status: 'suppressed',
    unit: 'azure-network',
    field: 'azurerm_network_watcher_flow_log.target_resource_id',
    value: 'missing',
    problem: 'the virtual network has no enabled flow log',
    fix: 'add a flow log',
    suppression: { reason: 'VNet flow logs are not GA in westeurope yet', expires: '2026-06-30' },
  }),
  result({ environment: 'dev', rule: 'k8s-namespace-pod-security', resource: 'Namespace/kyverno', status: 'pass', unit: 'config' }),
  result({
    environment: 'dev',
    rule: 'tf-budget-alerts',
    resource: 'google_billing_budget.budget',
    status: 'fail',
    unit: 'gcp-foundation',
    problem: 'no alert at 50%',
    fix: 'add threshold rules',
  }),
];

/**
 * `count` results dealt over three environments, the catalogue's rules, 40 units and every status
 * (some suppressions on warning rules, some failures at each level): enough for every total to be
 * a sum of many results.
 */
export function manyResults(count: number): RuleResult[] {
  const environments = ['dev', 'prod', 'staging'];
  return Array.from({ length: count }, (_, i) => {
    const rule = RULES[(i * 7) % RULES.length]!;
    const status = i % 11 === 3 ? 'fail' : i % 13 === 5 ? 'suppressed' : 'pass';
    return result({
      environment: environments[i % environments.length]!,
      rule: rule.id,
      unit: `stack-${i % 40}`,
      resource: `resource.r${i % 97}`,
      path: `stack-${i % 40}/r${i}`,
      status,
      ...(status === 'pass' ? {} : { field: `field${i % 3}`, value: 'x', problem: 'wrong', fix: 'mend' }),
      ...(status === 'suppressed' ? { suppression: { reason: `ticket ${i}`, expires: '2027-01-01' } } : {}),
    });
  });
}
