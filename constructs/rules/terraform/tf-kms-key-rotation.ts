import { boolAt, numberAt, stringAt } from '../inspect/attributes';
import { COMPLIANT, NOT_APPLICABLE, nonCompliant } from '../outcome';
import type { RuleOutcome, TerraformResourceView, TerraformRule } from '../types';

/** Longest cryptoperiod accepted: a year, the longest rotation interval any of the three clouds defaults to. */
export const MAX_ROTATION_DAYS = 365;

const SECONDS_PER_DAY = 86_400;

/**
 * Encryption keys rotate automatically at least yearly: AWS `enable_key_rotation` (and
 * `rotation_period_in_days` within a year), GCP `rotation_period`, Azure Key Vault `rotation_policy`
 * with an automatic rotation and an expiry. Asymmetric AWS keys and non-encryption GCP keys cannot
 * rotate automatically and are not checked.
 */
export const tfKmsKeyRotation: TerraformRule = {
  id: 'tf-kms-key-rotation',
  engine: 'terraform',
  level: 'error',
  title: 'Encryption keys rotate automatically at least once a year',
  rationale:
    'A key that never changes protects ever more data, and a compromise of it exposes all of it. Automatic rotation ' +
    'bounds the cryptoperiod without anyone having to remember it.',
  controls: {
    soc2: ['CC6.1'],
    pciDss: ['3.6.1', '3.7.4'],
    iso27001: ['A.8.24'],
    gdpr: ['Art. 32'],
  },
  resourceTypes: ['aws_kms_key', 'google_kms_crypto_key', 'azurerm_key_vault_key'],
  check(resource) {
    if (resource.type === 'aws_kms_key') return checkAws(resource);
    if (resource.type === 'google_kms_crypto_key') return checkGcp(resource);
    return checkAzure(resource);
  },
};

function checkAws(key: TerraformResourceView): RuleOutcome {
  const spec = stringAt(key.attributes, 'customer_master_key_spec');
  if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return NOT_APPLICABLE;
  const enabled = boolAt(key.attributes, 'enable_key_rotation');
  if (enabled !== true) return nonCompliant('enable_key_rotation', enabled, 'the key never rotates (the provider default is false)', 'set enable_key_rotation = true');
  const days = numberAt(key.attributes, 'rotation_period_in_days');
  if (days !== undefined && days > MAX_ROTATION_DAYS) {
    return nonCompliant(
      'rotation_period_in_days',
      days,
      `the key rotates less often than every ${MAX_ROTATION_DAYS} days`,
      `set rotation_period_in_days to at most ${MAX_ROTATION_DAYS}`,
    );
  }
  return COMPLIANT;
}

function checkGcp(key: TerraformResourceView): RuleOutcome {
  const purpose = stringAt(key.attributes, 'purpose');
  if (purpose !== undefined && purpose !== 'ENCRYPT_DECRYPT') return NOT_APPLICABLE;
  const period = stringAt(key.attributes, 'rotation_period');
  const seconds = period === undefined ? undefined : /^(\d+(?:\.\d+)?)s$/.exec(period)?.[1];
  if (seconds === undefined) {
    return nonCompliant('rotation_period', period, 'the key has no automatic rotation period', 'set rotation_period, e.g. "7776000s" (90 days)');
  }
  if (Number(seconds) > MAX_ROTATION_DAYS * SECONDS_PER_DAY) {
    return nonCompliant(
      'rotation_period',
      period,
      `the key rotates less often than every ${MAX_ROTATION_DAYS} days`,
      `set rotation_period to at most "${MAX_ROTATION_DAYS * SECONDS_PER_DAY}s"`,
    );
  }
  return COMPLIANT;
}

function checkAzure(key: TerraformResourceView): RuleOutcome {
  const afterCreation = stringAt(key.attributes, 'rotation_policy.automatic.time_after_creation');
  const beforeExpiry = stringAt(key.attributes, 'rotation_policy.automatic.time_before_expiry');
  if (afterCreation === undefined && beforeExpiry === undefined) {
    return nonCompliant(
      'rotation_policy.automatic',
      undefined,
      'the key has no automatic rotation policy',
      'set rotation_policy { automatic { time_before_expiry = "P30D" } expire_after = "P365D" }',
    );
  }
  const expireAfter = stringAt(key.attributes, 'rotation_policy.expire_after');
  const days = isoDurationDays(afterCreation ?? expireAfter);
  if (days === undefined || days > MAX_ROTATION_DAYS) {
    return nonCompliant(
      afterCreation !== undefined ? 'rotation_policy.automatic.time_after_creation' : 'rotation_policy.expire_after',
      afterCreation ?? expireAfter,
      `the key does not rotate within ${MAX_ROTATION_DAYS} days`,
      `set expire_after (or time_after_creation) to at most "P${MAX_ROTATION_DAYS}D"`,
    );
  }
  return COMPLIANT;
}

/** Days of an ISO 8601 date duration (`P90D`, `P1Y`, `P3M`, `P1Y6M`), months as 30 days; `undefined` when unreadable. */
export function isoDurationDays(duration: string | undefined): number | undefined {
  const match = duration === undefined ? null : /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (match === null || duration === 'P') return undefined;
  const [, years, months, weeks, days] = match.map((part) => Number(part ?? 0));
  return (years ?? 0) * 365 + (months ?? 0) * 30 + (weeks ?? 0) * 7 + (days ?? 0);
}
