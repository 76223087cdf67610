import { terraformStorageWeakened } from '../../../../apps/diff/risks/terraform/terraform-storage-weakened';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
const VERSIONING = `
resource "aws_s3_bucket_versioning" "versioning" {
  bucket = aws_s3_bucket.bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
`;
const REPORTS_ENCRYPTION = `
resource "aws_s3_bucket_server_side_encryption_configuration" "reports-encryption" {
  bucket = aws_s3_bucket.reports-bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.reports-key.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
`;
const PUBLIC_ACCESS = `
resource "aws_s3_bucket_public_access_block" "reports-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.reports-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`;
const POLICY_DOCUMENT = `
data "aws_iam_policy_document" "policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.bucket.arn,
      "\${aws_s3_bucket.bucket.arn}/*"
    ]
    sid = "DenyInsecureTransport"
    condition {
      test = "Bool"
      values = [
        "false"
      ]
      variable = "aws:SecureTransport"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
}
`;
const S3_BACKEND = `
terraform {
  backend "s3" {
    bucket       = "acme-tfstate-prod-123456789012"
    key          = "aws-foundation/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
    use_lockfile = true
  }
}
`;
// Trimmed from dist/terraform/dev/azure-foundation/main.tf.
const STATE_ACCOUNT = `
resource "azurerm_storage_account" "state" {
  account_replication_type        = "ZRS"
  account_tier                    = "Standard"
  allow_nested_items_to_be_public = false
  https_traffic_only_enabled      = true
  location                        = "westeurope"
  min_tls_version                 = "TLS1_2"
  name                            = "acmetfstatedevc99839"
  resource_group_name             = azurerm_resource_group.resource-group.name
  shared_access_key_enabled       = false
  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = 90
    }
  }
}
`;
const STATE_CONTAINER = `
resource "azurerm_storage_container" "state-container" {
  container_access_type = "private"
  name                  = "tfstate"
  storage_account_id    = azurerm_storage_account.state.id
}
`;
// Trimmed from dist/terraform/dev/gcp-foundation/main.tf.
const STATE_BUCKET = `
resource "google_storage_bucket" "state-bucket" {
  force_destroy               = false
  location                    = "europe-west1"
  name                        = "acme-platform-dev-tfstate"
  public_access_prevention    = "enforced"
  uniform_bucket_level_access = true
  encryption {
    default_kms_key_name = google_kms_crypto_key.state-key-key.id
  }
  versioning {
    enabled = true
  }
}
`;
const STATE_READ = `
resource "google_storage_bucket_iam_member" "ci-plan-state-read" {
  bucket = google_storage_bucket.state-bucket.name
  member = google_service_account.ci-plan.member
  role   = "roles/storage.objectViewer"
}
`;
// Trimmed from dist/terraform/prod/aws-network-prod-eks-euw1/main.tf.
const FLOW_LOGS_KEY = `
resource "aws_kms_key" "flow-logs-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the VPC flow logs of prod-eks-euw1"
  enable_key_rotation     = true
}
`;

const AZURE = { stack: 'azure-foundation', environment: 'dev' };
const GCP = { stack: 'gcp-foundation', environment: 'dev' };

describe('terraform-storage-weakened', () => {
  it('flags versioning suspended on the state bucket, high even in staging', async () => {
    const change = await terraformChange('aws_s3_bucket_versioning.versioning', VERSIONING, VERSIONING.replace('"Enabled"', '"Suspended"'), { environment: 'staging' });
    const [finding, ...rest] = findings(terraformStorageWeakened, change, 'staging');
    expect(rest).toEqual([]);
    expect(finding).toEqual(expect.objectContaining({ level: 'high', path: 'versioning_configuration[0].status' }));
    expect(finding?.reason).toContain('versioning weakened on state storage');
    expect(finding?.reason).toContain('Enabled -> Suspended');
  });

  it('flags report encryption moved from the customer key to AES256: high in production, medium in staging', async () => {
    const head = REPORTS_ENCRYPTION.replace('      kms_master_key_id = aws_kms_key.reports-key.arn\n', '').replace('"aws:kms"', '"AES256"');
    const change = await terraformChange('aws_s3_bucket_server_side_encryption_configuration.reports-encryption', REPORTS_ENCRYPTION, head);
    expect(findings(terraformStorageWeakened, change, 'production')).toEqual([expect.objectContaining({ level: 'high' })]);
    const [staging] = findings(terraformStorageWeakened, change, 'staging');
    expect(staging?.level).toBe('medium');
    expect(staging?.reason).toContain('encryption weakened on report storage');
    expect(staging?.reason).toContain('aws:kms with key ${aws_kms_key.reports-key.arn} -> AES256');
  });

  it("flags the report bucket's public access block removed, naming the four settings it held, in one finding", async () => {
    const change = await terraformChange('aws_s3_bucket_public_access_block.reports-public-access', PUBLIC_ACCESS, '');
    const result = findings(terraformStorageWeakened, change, 'production');
    expect(result).toHaveLength(1);
    expect(result[0]?.level).toBe('high');
    expect(result[0]?.reason).toContain('removed from report storage');
    for (const setting of ['block_public_acls', 'ignore_public_acls', 'block_public_policy', 'restrict_public_buckets']) expect(result[0]?.reason).toContain(setting);
  });

  it('flags the TLS-only deny dropped from the state bucket policy document', async () => {
    const head = POLICY_DOCUMENT.replace('"aws:SecureTransport"', '"aws:SourceIp"');
    const change = await terraformChange('data.aws_iam_policy_document.policy-document', POLICY_DOCUMENT, head, { environment: 'staging' });
    const result = findings(terraformStorageWeakened, change, 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'statement' })]);
    expect(result[0]?.reason).toContain('TLS-only weakened');
  });

  it('flags state locking dropped from the s3 backend, and the backend removed altogether', async () => {
    const unlocked = await terraformChange('terraform.backend', S3_BACKEND, S3_BACKEND.replace('    use_lockfile = true\n', ''), { stack: 'aws-cluster-prod-eks-euw1' });
    const [finding] = findings(terraformStorageWeakened, unlocked, 'production');
    expect(finding).toEqual(expect.objectContaining({ level: 'high', path: 'use_lockfile' }));
    expect(finding?.reason).toContain('use_lockfile = true -> no lock file');
    const removed = await terraformChange('terraform.backend', S3_BACKEND, 'terraform {\n}\n', { environment: 'dev' });
    const [local] = findings(terraformStorageWeakened, removed, 'development');
    expect(local?.level).toBe('high');
    expect(local?.reason).toContain('locking use_lockfile = true -> no backend (a stack kept without one keeps its state on local disk)');
  });

  it('flags the Azure state account opened up: older TLS, account keys back, nested items public', async () => {
    const head = STATE_ACCOUNT.replace('"TLS1_2"', '"TLS1_0"')
      .replace('shared_access_key_enabled       = false', 'shared_access_key_enabled       = true')
      .replace('  allow_nested_items_to_be_public = false\n', '');
    const change = await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT, head, AZURE);
    const result = findings(terraformStorageWeakened, change, 'development');
    expect(result.map((finding) => finding.path).sort()).toEqual(['allow_nested_items_to_be_public', 'min_tls_version', 'shared_access_key_enabled']);
    expect(result.every((finding) => finding.level === 'high')).toBe(true);
    expect(result.find((finding) => finding.path === 'allow_nested_items_to_be_public')?.reason).toContain('false -> true (default)');
  });

  it('flags the Azure state container made public', async () => {
    const change = await terraformChange('azurerm_storage_container.state-container', STATE_CONTAINER, STATE_CONTAINER.replace('"private"', '"blob"'), AZURE);
    expect(findings(terraformStorageWeakened, change, 'development')).toEqual([expect.objectContaining({ level: 'high', path: 'container_access_type' })]);
  });

  it('flags the GCS state bucket: public access prevention inherited (high), versioning no longer declared (medium), a public member added', async () => {
    const head = STATE_BUCKET.replace('"enforced"', '"inherited"').replace(/ {2}versioning \{\n {4}enabled = true\n {2}\}\n/, '');
    const result = findings(terraformStorageWeakened, await terraformChange('google_storage_bucket.state-bucket', STATE_BUCKET, head, GCP), 'development');
    expect(result).toEqual([
      expect.objectContaining({ level: 'medium', path: 'versioning[0].enabled' }),
      expect.objectContaining({ level: 'high', path: 'public_access_prevention' }),
    ]);
    expect(result[0]?.reason).toContain('no longer declared');
    const publicRead = await terraformChange(
      'google_storage_bucket_iam_member.public-read',
      undefined,
      STATE_READ.replace('ci-plan-state-read', 'public-read').replace('google_service_account.ci-plan.member', '"allUsers"'),
      GCP,
    );
    const [grant] = findings(terraformStorageWeakened, publicRead, 'development');
    expect(grant?.level).toBe('high');
    expect(grant?.reason).toContain('allUsers (roles/storage.objectViewer)');
  });

  it('does not flag protections kept or strengthened, another key of the same kind, a new bucket leaving versioning to the provider, or a member that is not public', async () => {
    const retagged = await terraformChange('aws_s3_bucket_versioning.versioning', VERSIONING, VERSIONING.replace('aws_s3_bucket.bucket.id', 'aws_s3_bucket.state.id'));
    expect(findings(terraformStorageWeakened, retagged, 'production')).toEqual([]);
    const otherKey = await terraformChange(
      'aws_s3_bucket_server_side_encryption_configuration.reports-encryption',
      REPORTS_ENCRYPTION,
      REPORTS_ENCRYPTION.replace('aws_kms_key.reports-key.arn', 'aws_kms_key.reports-key-2.arn'),
    );
    expect(findings(terraformStorageWeakened, otherKey, 'production')).toEqual([]);
    const stronger = await terraformChange('azurerm_storage_account.state', STATE_ACCOUNT.replace('"TLS1_2"', '"TLS1_0"'), STATE_ACCOUNT, AZURE);
    expect(findings(terraformStorageWeakened, stronger, 'development')).toEqual([]);
    const newBucket = STATE_BUCKET.replace(/ {2}versioning \{\n {4}enabled = true\n {2}\}\n/, '');
    expect(findings(terraformStorageWeakened, await terraformChange('google_storage_bucket.state-bucket', undefined, newBucket, GCP), 'development')).toEqual([]);
    const reader = await terraformChange('google_storage_bucket_iam_member.ci-plan-state-read', undefined, STATE_READ, GCP);
    expect(findings(terraformStorageWeakened, reader, 'development')).toEqual([]);
  });

  it('does not flag storage that keeps neither state nor reports: key rotation switched off on the flow-logs key of a network stack', async () => {
    const change = await terraformChange('aws_kms_key.flow-logs-key', FLOW_LOGS_KEY, FLOW_LOGS_KEY.replace('= true', '= false'), { stack: 'aws-network-prod-eks-euw1' });
    expect(findings(terraformStorageWeakened, change, 'production')).toEqual([]);
  });
});
