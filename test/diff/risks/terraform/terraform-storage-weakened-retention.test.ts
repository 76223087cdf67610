import { terraformStorageWeakened } from '../../../../apps/diff/risks/terraform/terraform-storage-weakened';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
const STATE_LIFECYCLE = `
resource "aws_s3_bucket_lifecycle_configuration" "lifecycle" {
  bucket = aws_s3_bucket.bucket.id
  rule {
    id     = "abort-incomplete-uploads"
    status = "Enabled"
    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
    filter {

    }
  }
  rule {
    id     = "expire-noncurrent-versions"
    status = "Enabled"
    expiration {
      expired_object_delete_marker = true
    }
    filter {

    }
    noncurrent_version_expiration {
      noncurrent_days = 365
    }
  }
}
`;
const STATE_S3_BUCKET = `
resource "aws_s3_bucket" "bucket" {
  bucket = "acme-tfstate-prod-123456789012"
  lifecycle {
    prevent_destroy = true
  }
}
`;
// Trimmed from dist/terraform/dev/azure-foundation/main.tf.
const STATE_ACCOUNT = `
resource "azurerm_storage_account" "state" {
  account_replication_type = "ZRS"
  account_tier             = "Standard"
  location                 = "westeurope"
  name                     = "acmetfstatedevc99839"
  resource_group_name      = azurerm_resource_group.resource-group.name
  network_rules {
    bypass = [
      "AzureServices"
    ]
    default_action = "Deny"
    ip_rules = [
      "192.0.2.224/28",
      "198.51.100.0/24",
      "203.0.113.0/24"
    ]
  }
  lifecycle {
    prevent_destroy = true
  }
}
`;
// Trimmed from dist/terraform/dev/gcp-foundation/main.tf.
const GCS_STATE_BUCKET = `
resource "google_storage_bucket" "state-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-tfstate"
  public_access_prevention    = "enforced"
  uniform_bucket_level_access = true
  versioning {
    enabled = true
  }
  lifecycle {
    prevent_destroy = true
  }
}
`;
const AZURE = { stack: 'azure-foundation', environment: 'dev' };
const GCP = { stack: 'gcp-foundation', environment: 'dev' };
const LIFECYCLE = 'aws_s3_bucket_lifecycle_configuration.lifecycle';

describe('terraform-storage-weakened: retention, firewall entries and deletion protection', () => {
  it('flags noncurrent state versions expired after 1 day instead of 365, high', async () => {
    const head = STATE_LIFECYCLE.replace('noncurrent_days = 365', 'noncurrent_days = 1');
    const result = findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, STATE_LIFECYCLE, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'rule.noncurrent_version_expiration.noncurrent_days' })]);
    expect(result[0]?.reason).toContain(
      'retention weakened on state storage in production: rule.noncurrent_version_expiration.noncurrent_days noncurrent versions expire after 365 days -> noncurrent versions expire after 1 day',
    );
  });

  it('flags an expiry of current objects added to the state bucket (state files deleted after 30 days)', async () => {
    const head = STATE_LIFECYCLE.replace('expired_object_delete_marker = true', 'days = 30');
    const result = findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, STATE_LIFECYCLE, head), 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'rule.expiration.days' })]);
    expect(result[0]?.reason).toContain('no enabled rule expires current objects -> current objects expire after 30 days');
  });

  it('does not flag noncurrent versions kept longer, the rule disabled (S3 then deletes none), nor a lifecycle configuration added or removed with its bucket', async () => {
    const longer = STATE_LIFECYCLE.replace('noncurrent_days = 365', 'noncurrent_days = 730');
    expect(findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, STATE_LIFECYCLE, longer), 'production')).toEqual([]);
    const disabled = STATE_LIFECYCLE.replace(/("expire-noncurrent-versions"\n {4}status = )"Enabled"/, '$1"Disabled"');
    expect(findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, STATE_LIFECYCLE, disabled), 'production')).toEqual([]);
    expect(findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, undefined, STATE_LIFECYCLE), 'production')).toEqual([]);
    expect(findings(terraformStorageWeakened, await terraformChange(LIFECYCLE, STATE_LIFECYCLE, undefined), 'production')).toEqual([]);
  });

  it('flags an address range added to the Azure state account firewall (medium in development), and any address (0.0.0.0/0) as public (high)', async () => {
    const more = STATE_ACCOUNT.replace('"203.0.113.0/24"', '"203.0.113.0/24",\n      "100.64.0.0/10"');
    const widened = findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, more, AZURE), 'development');
    expect(widened).toEqual([expect.objectContaining({ level: 'medium', path: 'network_rules[0].ip_rules' })]);
    expect(widened[0]?.reason).toContain('public access widened on state storage in development: network_rules[0].ip_rules +100.64.0.0/10; another address range');
    const open = STATE_ACCOUNT.replace('"203.0.113.0/24"', '"0.0.0.0/0"');
    const opened = findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, open, AZURE), 'development');
    expect(opened).toEqual([expect.objectContaining({ level: 'high', path: 'network_rules[0].ip_rules' })]);
    expect(opened[0]?.reason).toContain('+0.0.0.0/0 (any address: public)');
    const subnet = STATE_ACCOUNT.replace('    ip_rules = [', '    virtual_network_subnet_ids = [\n      azurerm_subnet.ci.id\n    ]\n    ip_rules = [');
    const subnets = findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, subnet, AZURE), 'development');
    expect(subnets).toEqual([expect.objectContaining({ path: 'network_rules[0].virtual_network_subnet_ids' })]);
  });

  it('does not flag an address range removed from the Azure state firewall, nor the account changed beside its firewall', async () => {
    const fewer = STATE_ACCOUNT.replace(',\n      "203.0.113.0/24"', '');
    expect(findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, fewer, AZURE), 'production')).toEqual([]);
    const replicated = STATE_ACCOUNT.replace('"ZRS"', '"GZRS"');
    expect(findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, replicated, AZURE), 'production')).toEqual([]);
  });

  it('flags force_destroy switched on and prevent_destroy switched off on the state buckets and account', async () => {
    const forced = STATE_S3_BUCKET.replace('  lifecycle {', '  force_destroy = true\n  lifecycle {').replace('prevent_destroy = true', 'prevent_destroy = false');
    const s3 = findings(terraformStorageWeakened, await terraformChange('aws_s3_bucket.bucket', STATE_S3_BUCKET, forced), 'production');
    expect(s3.map((finding) => finding.path)).toEqual(['force_destroy', 'lifecycle[0].prevent_destroy']);
    expect(s3.every((finding) => finding.level === 'high')).toBe(true);
    expect(s3[0]?.reason).toContain('deletion protection weakened on state storage in production: force_destroy false (default) -> true');
    const gcs = GCS_STATE_BUCKET.replace('force_destroy               = false', 'force_destroy               = true');
    expect(findings(terraformStorageWeakened, await terraformChange('google_storage_bucket.state-bucket', GCS_STATE_BUCKET, gcs, GCP), 'development')).toEqual([
      expect.objectContaining({ level: 'high', path: 'force_destroy' }),
    ]);
    const unguarded = STATE_ACCOUNT.replace(/ {2}lifecycle \{\n {4}prevent_destroy = true\n {2}\}\n/, '');
    const account = findings(terraformStorageWeakened, await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, unguarded, AZURE), 'development');
    expect(account).toEqual([expect.objectContaining({ path: 'lifecycle[0].prevent_destroy' })]);
    expect(account[0]?.reason).toContain('prevent_destroy = true -> prevent_destroy = false');
  });

  it('does not flag deletion protection on a bucket that keeps neither state nor reports, nor a state bucket whose tags change', async () => {
    const other = STATE_S3_BUCKET.replace('acme-tfstate-prod-123456789012', 'acme-flow-logs-prod').replace('prevent_destroy = true', 'prevent_destroy = false');
    const change = await terraformChange('aws_s3_bucket.bucket', STATE_S3_BUCKET.replace('acme-tfstate-prod-123456789012', 'acme-flow-logs-prod'), other, {
      stack: 'aws-network-prod-eks-euw1',
    });
    expect(findings(terraformStorageWeakened, change, 'production')).toEqual([]);
    const tagged = STATE_S3_BUCKET.replace('  lifecycle {', '  tags = {\n    purpose = "state"\n  }\n  lifecycle {');
    expect(findings(terraformStorageWeakened, await terraformChange('aws_s3_bucket.bucket', STATE_S3_BUCKET, tagged), 'production')).toEqual([]);
  });
});
