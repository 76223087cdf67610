import { isoDurationDays, tfKmsKeyRotation as rule } from '../../../constructs/rules/terraform/tf-kms-key-rotation';
import { checkTerraform, expectCompliant, expectFailure, expectNotApplicable, resource } from '../fixtures';

describe('tf-kms-key-rotation', () => {
  it('accepts an AWS key with rotation on', () => {
    const key = resource('aws_kms_key', 'key', { enable_key_rotation: true, rotation_period_in_days: 90 });
    expectCompliant(checkTerraform(rule, key, [key]));
  });

  it('rejects an AWS key without rotation (the provider default) or with a period over a year', () => {
    const key = resource('aws_kms_key', 'key', {});
    expectFailure(checkTerraform(rule, key, [key]), { field: 'enable_key_rotation', value: undefined, problem: /default is false/ });
    const slow = resource('aws_kms_key', 'slow', { enable_key_rotation: true, rotation_period_in_days: 2560 });
    expectFailure(checkTerraform(rule, slow, [slow]), { field: 'rotation_period_in_days', value: 2560 });
  });

  it('does not check asymmetric AWS keys, which cannot rotate automatically', () => {
    const key = resource('aws_kms_key', 'signing', { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' });
    expectNotApplicable(checkTerraform(rule, key, [key]));
  });

  it('accepts a GCP key rotating every 90 days', () => {
    const key = resource('google_kms_crypto_key', 'key', { rotation_period: '7776000s' });
    expectCompliant(checkTerraform(rule, key, [key]));
  });

  it('rejects a GCP key without a rotation period or with one over a year', () => {
    const never = resource('google_kms_crypto_key', 'never', {});
    expectFailure(checkTerraform(rule, never, [never]), { field: 'rotation_period', value: undefined });
    const slow = resource('google_kms_crypto_key', 'slow', { rotation_period: '63072000s' });
    expectFailure(checkTerraform(rule, slow, [slow]), { field: 'rotation_period', value: '63072000s' });
  });

  it('accepts an Azure key with an automatic rotation policy', () => {
    const key = resource('azurerm_key_vault_key', 'key', { rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P365D' } });
    expectCompliant(checkTerraform(rule, key, [key]));
  });

  it('rejects an Azure key without automatic rotation or expiring after more than a year', () => {
    const manual = resource('azurerm_key_vault_key', 'manual', {});
    expectFailure(checkTerraform(rule, manual, [manual]), { field: 'rotation_policy.automatic' });
    const slow = resource('azurerm_key_vault_key', 'slow', { rotation_policy: { automatic: { time_before_expiry: 'P30D' }, expire_after: 'P2Y' } });
    expectFailure(checkTerraform(rule, slow, [slow]), { field: 'rotation_policy.expire_after', value: 'P2Y' });
  });

  it('reads ISO 8601 date durations', () => {
    expect(isoDurationDays('P90D')).toBe(90);
    expect(isoDurationDays('P1Y')).toBe(365);
    expect(isoDurationDays('P3M')).toBe(90);
    expect(isoDurationDays('P2W')).toBe(14);
    expect(isoDurationDays('P')).toBeUndefined();
    expect(isoDurationDays('90 days')).toBeUndefined();
  });
});
