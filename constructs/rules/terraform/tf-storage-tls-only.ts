import { boolAt, stringAt } from '../inspect/attributes';
import { type PolicyStatement, readPolicy } from '../inspect/iam-policy';
import { companionsOf } from '../inspect/references';
import { nameAttributes } from '../inspect/storage';
import { COMPLIANT, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule, TerraformRuleContext } from '../types';

/** TLS versions Azure storage accepts that are still considered strong. */
const STRONG_TLS: ReadonlySet<string> = new Set(['TLS1_2', 'TLS1_3']);

/**
 * State storage refuses unencrypted connections. S3 serves plain HTTP unless the bucket policy
 * denies `aws:SecureTransport = false`; Azure needs HTTPS-only and TLS 1.2 set explicitly (their
 * defaults changed between provider versions). Cloud Storage serves its APIs over HTTPS only and
 * has no setting to check.
 */
export const tfStorageTlsOnly: TerraformRule = {
  id: 'tf-storage-tls-only',
  engine: 'terraform',
  level: 'error',
  title: 'State storage accepts TLS connections only',
  rationale:
    'State and credentials read over plain HTTP can be captured on any network between the runner and the cloud. ' +
    'Refusing insecure transport at the storage removes the option for every client, including misconfigured ones.',
  controls: {
    soc2: ['CC6.7'],
    pciDss: ['4.2.1'],
    iso27001: ['A.5.14', 'A.8.24'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_s3_bucket', 'azurerm_storage_account'],
  check(resource, context) {
    if (resource.type === 'aws_s3_bucket') return checkS3(resource, context);
    const tls = stringAt(resource.attributes, 'min_tls_version');
    if (tls === undefined || !STRONG_TLS.has(tls)) {
      return nonCompliant('min_tls_version', tls, 'the account does not require TLS 1.2 or later', 'set min_tls_version = "TLS1_2"');
    }
    const https = boolAt(resource.attributes, 'https_traffic_only_enabled');
    if (https !== true) {
      return nonCompliant('https_traffic_only_enabled', https, 'the account does not refuse plain HTTP explicitly', 'set https_traffic_only_enabled = true');
    }
    return COMPLIANT;
  },
};

function checkS3(bucket: TerraformResourceView, context: TerraformRuleContext): RuleOutcome {
  const policies = companionsOf(bucket, context.stackResources, 'aws_s3_bucket_policy', 'bucket', nameAttributes(bucket));
  const field = 'aws_s3_bucket_policy.policy';
  if (policies.length === 0) {
    return nonCompliant(
      field,
      undefined,
      'the bucket has no policy, so S3 also serves it over plain HTTP',
      'add a bucket policy that denies s3:* when aws:SecureTransport is false',
    );
  }
  const statements = policies.map((p) => readPolicy(p.attributes.policy, context.stackResources));
  if (statements.some((s) => s !== undefined && s.some(deniesInsecureTransport))) return COMPLIANT;
  const unreadable = statements.every((s) => s === undefined);
  return nonCompliant(
    field,
    unreadable ? '(not readable at synth)' : '(no such statement)',
    unreadable ? 'the bucket policy cannot be read at synth, so denying insecure transport cannot be shown' : 'the bucket policy does not deny requests without TLS',
    'add a Deny statement for principal *, action s3:* on the bucket and its objects, condition Bool aws:SecureTransport = false (an aws_iam_policy_document)',
  );
}

/** `Deny` of every S3 action to everyone when `aws:SecureTransport` is false. */
function deniesInsecureTransport(statement: PolicyStatement): boolean {
  const everyone = statement.principals.some((p) => (p.type === '*' || p.type === 'AWS') && p.identifiers.includes('*'));
  const allActions = statement.actions.some((a) => a === 's3:*' || a === '*');
  const insecure = statement.conditions.some((c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport' && c.values.length > 0 && c.values.every((v) => v === 'false'));
  return statement.effect === 'Deny' && everyone && allActions && insecure;
}
