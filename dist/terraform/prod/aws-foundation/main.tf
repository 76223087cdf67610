terraform {
  required_providers {
    aws = {
      version = "6.25.0"
      source  = "aws"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate-prod-123456789012"
    key          = "aws-foundation/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:123456789012:alias/prod-tfstate"
    use_lockfile = true
  }

}

provider "aws" {
  allowed_account_ids = [
    "123456789012"
  ]
  region = "eu-west-1"
  default_tags {
    tags = {
      env         = "prod"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
resource "aws_kms_key" "key" {
  deletion_window_in_days = 30
  description             = "Encrypts the Terraform state of prod"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "key-alias" {
  name          = "alias/prod-tfstate"
  target_key_id = aws_kms_key.key.key_id
}
resource "aws_s3_bucket" "bucket" {
  bucket = "acme-tfstate-prod-123456789012"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "versioning" {
  bucket = aws_s3_bucket.bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "encryption" {
  bucket = aws_s3_bucket.bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.key.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "ownership" {
  bucket = aws_s3_bucket.bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.bucket.arn,
      "${aws_s3_bucket.bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
}
resource "aws_s3_bucket_policy" "policy" {
  bucket = aws_s3_bucket.bucket.id
  policy = data.aws_iam_policy_document.policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.public-access,
  ]
}
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
  depends_on = [
    aws_s3_bucket_versioning.versioning,
  ]
}
resource "aws_s3_bucket_logging" "logging" {
  bucket        = aws_s3_bucket.bucket.id
  target_bucket = aws_s3_bucket.log-bucket.id
  target_prefix = "state-bucket/"
}
resource "aws_s3_bucket" "log-bucket" {
  bucket = "acme-tfstate-logs-prod-123456789012"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "log-encryption" {
  bucket = aws_s3_bucket.log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "log-ownership" {
  bucket = aws_s3_bucket.log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.log-bucket.arn,
      "${aws_s3_bucket.log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.log-bucket.arn}/state-bucket/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_s3_bucket_policy" "log-policy" {
  bucket = aws_s3_bucket.log-bucket.id
  policy = data.aws_iam_policy_document.log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.log-public-access,
  ]
}
resource "aws_s3_bucket_lifecycle_configuration" "log-lifecycle" {
  bucket = aws_s3_bucket.log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 365
    }
    filter {

    }
  }
}

provider "aws" {
  allowed_account_ids = [
    "123456789012"
  ]
  region = "eu-central-1"
  alias  = "replica"
  default_tags {
    tags = {
      env         = "prod"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
resource "aws_kms_key" "replica-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the eu-central-1 replica of the Terraform state of prod"
  enable_key_rotation     = true
  provider                = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "replica-key-alias" {
  name          = "alias/prod-tfstate-replica"
  target_key_id = aws_kms_key.replica-key.key_id
  provider      = aws.replica
}
resource "aws_s3_bucket" "replica-state-bucket" {
  bucket   = "acme-tfstate-prod-123456789012-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "replica-state-versioning" {
  bucket = aws_s3_bucket.replica-state-bucket.id
  versioning_configuration {
    status = "Enabled"
  }
  provider = aws.replica
}
resource "aws_s3_bucket_server_side_encryption_configuration" "replica-state-encryption" {
  bucket = aws_s3_bucket.replica-state-bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.replica-key.arn
      sse_algorithm     = "aws:kms"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "replica-state-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.replica-state-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "replica-state-ownership" {
  bucket = aws_s3_bucket.replica-state-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "replica-state-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.replica-state-bucket.arn,
      "${aws_s3_bucket.replica-state-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.replica-state-bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "replica-state-policy" {
  bucket = aws_s3_bucket.replica-state-bucket.id
  policy = data.aws_iam_policy_document.replica-state-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.replica-state-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "replica-state-lifecycle" {
  bucket = aws_s3_bucket.replica-state-bucket.id
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
  depends_on = [
    aws_s3_bucket_versioning.replica-state-versioning,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_logging" "replica-state-logging" {
  bucket        = aws_s3_bucket.replica-state-bucket.id
  target_bucket = aws_s3_bucket.replica-log-bucket.id
  target_prefix = "state-bucket/"
  provider      = aws.replica
}
resource "aws_s3_bucket" "replica-log-bucket" {
  bucket   = "acme-tfstate-logs-prod-123456789012-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "replica-log-encryption" {
  bucket = aws_s3_bucket.replica-log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "replica-log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.replica-log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "replica-log-ownership" {
  bucket = aws_s3_bucket.replica-log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "replica-log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.replica-log-bucket.arn,
      "${aws_s3_bucket.replica-log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.replica-log-bucket.arn}/state-bucket/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.replica-state-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "replica-log-policy" {
  bucket = aws_s3_bucket.replica-log-bucket.id
  policy = data.aws_iam_policy_document.replica-log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.replica-log-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "replica-log-lifecycle" {
  bucket = aws_s3_bucket.replica-log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 365
    }
    filter {

    }
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "replica-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "replica-role" {
  assume_role_policy   = data.aws_iam_policy_document.replica-trust.json
  description          = "S3 replication of the Terraform state of prod to eu-central-1"
  name                 = "prod-tfstate-replication"
  permissions_boundary = aws_iam_policy.boundary-policy.arn
}
data "aws_iam_policy_document" "replica-permissions" {
  statement {
    actions = [
      "s3:GetReplicationConfiguration",
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      aws_s3_bucket.bucket.arn
    ]
    sid = "ReadSourceConfiguration"
  }
  statement {
    actions = [
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.bucket.arn}/*"
    ]
    sid = "ReadSourceVersions"
  }
  statement {
    actions = [
      "s3:ReplicateObject",
      "s3:ReplicateDelete",
      "s3:ReplicateTags"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.replica-state-bucket.arn}/*"
    ]
    sid = "WriteReplicas"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.key.arn
    ]
    sid = "DecryptSourceThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-west-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.bucket.arn,
        "${aws_s3_bucket.bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
  statement {
    actions = [
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.replica-key.arn
    ]
    sid = "EncryptReplicasThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-central-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.replica-state-bucket.arn,
        "${aws_s3_bucket.replica-state-bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
}
resource "aws_iam_role_policy" "replica-role-policy" {
  name   = "replicate-state"
  policy = data.aws_iam_policy_document.replica-permissions.json
  role   = aws_iam_role.replica-role.id
}
resource "aws_s3_bucket_replication_configuration" "replica-replication" {
  bucket = aws_s3_bucket.bucket.id
  role   = aws_iam_role.replica-role.arn
  rule {
    id     = "state-replica"
    status = "Enabled"
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.replica-state-bucket.arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.replica-key.arn
      }
    }
    filter {

    }
    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
  }
  depends_on = [
    aws_s3_bucket_versioning.versioning,
    aws_s3_bucket_versioning.replica-state-versioning,
  ]
}
resource "aws_kms_key" "reports-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the compliance reports of prod"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "reports-key-alias" {
  name          = "alias/prod-compliance-reports"
  target_key_id = aws_kms_key.reports-key.key_id
}
resource "aws_s3_bucket" "reports-bucket" {
  bucket = "prod-compliance-reports-123456789012"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "reports-versioning" {
  bucket = aws_s3_bucket.reports-bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
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
resource "aws_s3_bucket_public_access_block" "reports-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.reports-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "reports-ownership" {
  bucket = aws_s3_bucket.reports-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "reports-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.reports-bucket.arn,
      "${aws_s3_bucket.reports-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.reports-bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
}
resource "aws_s3_bucket_policy" "reports-policy" {
  bucket = aws_s3_bucket.reports-bucket.id
  policy = data.aws_iam_policy_document.reports-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.reports-public-access,
  ]
}
resource "aws_s3_bucket_lifecycle_configuration" "reports-lifecycle" {
  bucket = aws_s3_bucket.reports-bucket.id
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
  rule {
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 400
    }
    filter {

    }
  }
  depends_on = [
    aws_s3_bucket_versioning.reports-versioning,
  ]
}
resource "aws_s3_bucket_logging" "reports-logging" {
  bucket        = aws_s3_bucket.reports-bucket.id
  target_bucket = aws_s3_bucket.reports-log-bucket.id
  target_prefix = "compliance-reports/"
}
resource "aws_s3_bucket" "reports-log-bucket" {
  bucket = "prod-compliance-reports-123456789012-logs"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "reports-log-encryption" {
  bucket = aws_s3_bucket.reports-log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "reports-log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.reports-log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "reports-log-ownership" {
  bucket = aws_s3_bucket.reports-log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "reports-log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.reports-log-bucket.arn,
      "${aws_s3_bucket.reports-log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.reports-log-bucket.arn}/compliance-reports/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.reports-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_s3_bucket_policy" "reports-log-policy" {
  bucket = aws_s3_bucket.reports-log-bucket.id
  policy = data.aws_iam_policy_document.reports-log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.reports-log-public-access,
  ]
}
resource "aws_s3_bucket_lifecycle_configuration" "reports-log-lifecycle" {
  bucket = aws_s3_bucket.reports-log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 365
    }
    filter {

    }
  }
}
resource "aws_kms_key" "reports-replica-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the eu-central-1 replica of the compliance reports of prod"
  enable_key_rotation     = true
  provider                = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "reports-replica-key-alias" {
  name          = "alias/prod-compliance-reports-replica"
  target_key_id = aws_kms_key.reports-replica-key.key_id
  provider      = aws.replica
}
resource "aws_s3_bucket" "reports-replica-reports-bucket" {
  bucket   = "prod-compliance-reports-123456789012-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "reports-replica-reports-versioning" {
  bucket = aws_s3_bucket.reports-replica-reports-bucket.id
  versioning_configuration {
    status = "Enabled"
  }
  provider = aws.replica
}
resource "aws_s3_bucket_server_side_encryption_configuration" "reports-replica-reports-encryption" {
  bucket = aws_s3_bucket.reports-replica-reports-bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.reports-replica-key.arn
      sse_algorithm     = "aws:kms"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "reports-replica-reports-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.reports-replica-reports-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "reports-replica-reports-ownership" {
  bucket = aws_s3_bucket.reports-replica-reports-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "reports-replica-reports-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.reports-replica-reports-bucket.arn,
      "${aws_s3_bucket.reports-replica-reports-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.reports-replica-reports-bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "reports-replica-reports-policy" {
  bucket = aws_s3_bucket.reports-replica-reports-bucket.id
  policy = data.aws_iam_policy_document.reports-replica-reports-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.reports-replica-reports-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "reports-replica-reports-lifecycle" {
  bucket = aws_s3_bucket.reports-replica-reports-bucket.id
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
  rule {
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 400
    }
    filter {

    }
  }
  depends_on = [
    aws_s3_bucket_versioning.reports-replica-reports-versioning,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_logging" "reports-replica-reports-logging" {
  bucket        = aws_s3_bucket.reports-replica-reports-bucket.id
  target_bucket = aws_s3_bucket.reports-replica-log-bucket.id
  target_prefix = "compliance-reports/"
  provider      = aws.replica
}
resource "aws_s3_bucket" "reports-replica-log-bucket" {
  bucket   = "prod-compliance-reports-123456789012-logs-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "reports-replica-log-encryption" {
  bucket = aws_s3_bucket.reports-replica-log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "reports-replica-log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.reports-replica-log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "reports-replica-log-ownership" {
  bucket = aws_s3_bucket.reports-replica-log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "reports-replica-log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.reports-replica-log-bucket.arn,
      "${aws_s3_bucket.reports-replica-log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.reports-replica-log-bucket.arn}/compliance-reports/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.reports-replica-reports-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "reports-replica-log-policy" {
  bucket = aws_s3_bucket.reports-replica-log-bucket.id
  policy = data.aws_iam_policy_document.reports-replica-log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.reports-replica-log-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "reports-replica-log-lifecycle" {
  bucket = aws_s3_bucket.reports-replica-log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 365
    }
    filter {

    }
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "reports-replica-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.reports-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "reports-replica-role" {
  assume_role_policy   = data.aws_iam_policy_document.reports-replica-trust.json
  description          = "S3 replication of the compliance reports of prod to eu-central-1"
  name                 = "prod-compliance-reports-replication"
  permissions_boundary = aws_iam_policy.boundary-policy.arn
}
data "aws_iam_policy_document" "reports-replica-permissions" {
  statement {
    actions = [
      "s3:GetReplicationConfiguration",
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      aws_s3_bucket.reports-bucket.arn
    ]
    sid = "ReadSourceConfiguration"
  }
  statement {
    actions = [
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.reports-bucket.arn}/*"
    ]
    sid = "ReadSourceVersions"
  }
  statement {
    actions = [
      "s3:ReplicateObject",
      "s3:ReplicateDelete",
      "s3:ReplicateTags"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.reports-replica-reports-bucket.arn}/*"
    ]
    sid = "WriteReplicas"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.reports-key.arn
    ]
    sid = "DecryptSourceThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-west-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.reports-bucket.arn,
        "${aws_s3_bucket.reports-bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
  statement {
    actions = [
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.reports-replica-key.arn
    ]
    sid = "EncryptReplicasThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-central-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.reports-replica-reports-bucket.arn,
        "${aws_s3_bucket.reports-replica-reports-bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
}
resource "aws_iam_role_policy" "reports-replica-role-policy" {
  name   = "replicate-reports"
  policy = data.aws_iam_policy_document.reports-replica-permissions.json
  role   = aws_iam_role.reports-replica-role.id
}
resource "aws_s3_bucket_replication_configuration" "reports-replica-replication" {
  bucket = aws_s3_bucket.reports-bucket.id
  role   = aws_iam_role.reports-replica-role.arn
  rule {
    id     = "reports-replica"
    status = "Enabled"
    delete_marker_replication {
      status = "Disabled"
    }
    destination {
      bucket        = aws_s3_bucket.reports-replica-reports-bucket.arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.reports-replica-key.arn
      }
    }
    filter {

    }
    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
  }
  depends_on = [
    aws_s3_bucket_versioning.reports-versioning,
    aws_s3_bucket_versioning.reports-replica-reports-versioning,
  ]
}
resource "aws_kms_key" "backups-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the Velero backups of prod"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "backups-key-alias" {
  name          = "alias/prod-velero-backups"
  target_key_id = aws_kms_key.backups-key.key_id
}
resource "aws_s3_bucket" "backups-bucket" {
  bucket = "prod-velero-backups-123456789012"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "backups-versioning" {
  bucket = aws_s3_bucket.backups-bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "backups-encryption" {
  bucket = aws_s3_bucket.backups-bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.backups-key.arn
      sse_algorithm     = "aws:kms"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "backups-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.backups-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "backups-ownership" {
  bucket = aws_s3_bucket.backups-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "backups-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.backups-bucket.arn,
      "${aws_s3_bucket.backups-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.backups-bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
}
resource "aws_s3_bucket_policy" "backups-policy" {
  bucket = aws_s3_bucket.backups-bucket.id
  policy = data.aws_iam_policy_document.backups-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.backups-public-access,
  ]
}
resource "aws_s3_bucket_lifecycle_configuration" "backups-lifecycle" {
  bucket = aws_s3_bucket.backups-bucket.id
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
      noncurrent_days = 30
    }
  }
  depends_on = [
    aws_s3_bucket_versioning.backups-versioning,
  ]
}
resource "aws_s3_bucket_logging" "backups-logging" {
  bucket        = aws_s3_bucket.backups-bucket.id
  target_bucket = aws_s3_bucket.backups-log-bucket.id
  target_prefix = "velero-backups/"
}
resource "aws_s3_bucket" "backups-log-bucket" {
  bucket = "prod-velero-backups-123456789012-logs"
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "backups-log-encryption" {
  bucket = aws_s3_bucket.backups-log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
resource "aws_s3_bucket_public_access_block" "backups-log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.backups-log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_ownership_controls" "backups-log-ownership" {
  bucket = aws_s3_bucket.backups-log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}
data "aws_iam_policy_document" "backups-log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.backups-log-bucket.arn,
      "${aws_s3_bucket.backups-log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.backups-log-bucket.arn}/velero-backups/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.backups-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_s3_bucket_policy" "backups-log-policy" {
  bucket = aws_s3_bucket.backups-log-bucket.id
  policy = data.aws_iam_policy_document.backups-log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.backups-log-public-access,
  ]
}
resource "aws_s3_bucket_lifecycle_configuration" "backups-log-lifecycle" {
  bucket = aws_s3_bucket.backups-log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 30
    }
    filter {

    }
  }
}
resource "aws_kms_key" "backups-replica-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the eu-central-1 replica of the Velero backups of prod"
  enable_key_rotation     = true
  provider                = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "backups-replica-key-alias" {
  name          = "alias/prod-velero-backups-replica"
  target_key_id = aws_kms_key.backups-replica-key.key_id
  provider      = aws.replica
}
resource "aws_s3_bucket" "backups-replica-backups-bucket" {
  bucket   = "prod-velero-backups-123456789012-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_versioning" "backups-replica-backups-versioning" {
  bucket = aws_s3_bucket.backups-replica-backups-bucket.id
  versioning_configuration {
    status = "Enabled"
  }
  provider = aws.replica
}
resource "aws_s3_bucket_server_side_encryption_configuration" "backups-replica-backups-encryption" {
  bucket = aws_s3_bucket.backups-replica-backups-bucket.id
  rule {
    bucket_key_enabled = true
    apply_server_side_encryption_by_default {
      kms_master_key_id = aws_kms_key.backups-replica-key.arn
      sse_algorithm     = "aws:kms"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "backups-replica-backups-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.backups-replica-backups-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "backups-replica-backups-ownership" {
  bucket = aws_s3_bucket.backups-replica-backups-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "backups-replica-backups-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.backups-replica-backups-bucket.arn,
      "${aws_s3_bucket.backups-replica-backups-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Deny"
    resources = [
      "${aws_s3_bucket.backups-replica-backups-bucket.arn}/*"
    ]
    sid = "DenyNonKmsObjectUploads"
    condition {
      test = "StringNotEquals"
      values = [
        "aws:kms"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    condition {
      test = "Null"
      values = [
        "false"
      ]
      variable = "s3:x-amz-server-side-encryption"
    }
    principals {
      identifiers = [
        "*"
      ]
      type = "*"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "backups-replica-backups-policy" {
  bucket = aws_s3_bucket.backups-replica-backups-bucket.id
  policy = data.aws_iam_policy_document.backups-replica-backups-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.backups-replica-backups-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "backups-replica-backups-lifecycle" {
  bucket = aws_s3_bucket.backups-replica-backups-bucket.id
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
      noncurrent_days = 30
    }
  }
  depends_on = [
    aws_s3_bucket_versioning.backups-replica-backups-versioning,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_logging" "backups-replica-backups-logging" {
  bucket        = aws_s3_bucket.backups-replica-backups-bucket.id
  target_bucket = aws_s3_bucket.backups-replica-log-bucket.id
  target_prefix = "velero-backups/"
  provider      = aws.replica
}
resource "aws_s3_bucket" "backups-replica-log-bucket" {
  bucket   = "prod-velero-backups-123456789012-logs-eu-central-1"
  provider = aws.replica
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_s3_bucket_server_side_encryption_configuration" "backups-replica-log-encryption" {
  bucket = aws_s3_bucket.backups-replica-log-bucket.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_public_access_block" "backups-replica-log-public-access" {
  block_public_acls       = true
  block_public_policy     = true
  bucket                  = aws_s3_bucket.backups-replica-log-bucket.id
  ignore_public_acls      = true
  restrict_public_buckets = true
  provider                = aws.replica
}
resource "aws_s3_bucket_ownership_controls" "backups-replica-log-ownership" {
  bucket = aws_s3_bucket.backups-replica-log-bucket.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "backups-replica-log-policy-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.backups-replica-log-bucket.arn,
      "${aws_s3_bucket.backups-replica-log-bucket.arn}/*"
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
  statement {
    actions = [
      "s3:PutObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.backups-replica-log-bucket.arn}/velero-backups/*"
    ]
    sid = "S3ServerAccessLogs"
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.backups-replica-backups-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    principals {
      identifiers = [
        "logging.s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
  provider = aws.replica
}
resource "aws_s3_bucket_policy" "backups-replica-log-policy" {
  bucket = aws_s3_bucket.backups-replica-log-bucket.id
  policy = data.aws_iam_policy_document.backups-replica-log-policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.backups-replica-log-public-access,
  ]
  provider = aws.replica
}
resource "aws_s3_bucket_lifecycle_configuration" "backups-replica-log-lifecycle" {
  bucket = aws_s3_bucket.backups-replica-log-bucket.id
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
    id     = "expire-objects"
    status = "Enabled"
    expiration {
      days = 30
    }
    filter {

    }
  }
  provider = aws.replica
}
data "aws_iam_policy_document" "backups-replica-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "123456789012"
      ]
      variable = "aws:SourceAccount"
    }
    condition {
      test = "ArnLike"
      values = [
        aws_s3_bucket.backups-bucket.arn
      ]
      variable = "aws:SourceArn"
    }
    principals {
      identifiers = [
        "s3.amazonaws.com"
      ]
      type = "Service"
    }
  }
}
resource "aws_iam_role" "backups-replica-role" {
  assume_role_policy   = data.aws_iam_policy_document.backups-replica-trust.json
  description          = "S3 replication of the Velero backups of prod to eu-central-1"
  name                 = "prod-velero-backups-replication"
  permissions_boundary = aws_iam_policy.boundary-policy.arn
}
data "aws_iam_policy_document" "backups-replica-permissions" {
  statement {
    actions = [
      "s3:GetReplicationConfiguration",
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      aws_s3_bucket.backups-bucket.arn
    ]
    sid = "ReadSourceConfiguration"
  }
  statement {
    actions = [
      "s3:GetObjectVersionForReplication",
      "s3:GetObjectVersionAcl",
      "s3:GetObjectVersionTagging"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.backups-bucket.arn}/*"
    ]
    sid = "ReadSourceVersions"
  }
  statement {
    actions = [
      "s3:ReplicateObject",
      "s3:ReplicateDelete",
      "s3:ReplicateTags"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.backups-replica-backups-bucket.arn}/*"
    ]
    sid = "WriteReplicas"
  }
  statement {
    actions = [
      "kms:Decrypt"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.backups-key.arn
    ]
    sid = "DecryptSourceThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-west-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.backups-bucket.arn,
        "${aws_s3_bucket.backups-bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
  statement {
    actions = [
      "kms:Encrypt",
      "kms:GenerateDataKey"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.backups-replica-key.arn
    ]
    sid = "EncryptReplicasThroughS3"
    condition {
      test = "StringEquals"
      values = [
        "s3.eu-central-1.amazonaws.com"
      ]
      variable = "kms:ViaService"
    }
    condition {
      test = "StringLike"
      values = [
        aws_s3_bucket.backups-replica-backups-bucket.arn,
        "${aws_s3_bucket.backups-replica-backups-bucket.arn}/*"
      ]
      variable = "kms:EncryptionContext:aws:s3:arn"
    }
  }
}
resource "aws_iam_role_policy" "backups-replica-role-policy" {
  name   = "replicate-backups"
  policy = data.aws_iam_policy_document.backups-replica-permissions.json
  role   = aws_iam_role.backups-replica-role.id
}
resource "aws_s3_bucket_replication_configuration" "backups-replica-replication" {
  bucket = aws_s3_bucket.backups-bucket.id
  role   = aws_iam_role.backups-replica-role.arn
  rule {
    id     = "backups-replica"
    status = "Enabled"
    delete_marker_replication {
      status = "Enabled"
    }
    destination {
      bucket        = aws_s3_bucket.backups-replica-backups-bucket.arn
      storage_class = "STANDARD"
      encryption_configuration {
        replica_kms_key_id = aws_kms_key.backups-replica-key.arn
      }
    }
    filter {

    }
    source_selection_criteria {
      sse_kms_encrypted_objects {
        status = "Enabled"
      }
    }
  }
  depends_on = [
    aws_s3_bucket_versioning.backups-versioning,
    aws_s3_bucket_versioning.backups-replica-backups-versioning,
  ]
}
data "aws_iam_policy_document" "boundary-document" {
  statement {
    actions = [
      "s3:*",
      "kms:*",
      "ec2:*",
      "eks:*",
      "logs:*",
      "ecr:*",
      "elasticloadbalancing:*",
      "autoscaling:*",
      "cloudwatch:*",
      "sts:*",
      "budgets:*",
      "route53resolver:*"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "EstateServices"
  }
  statement {
    actions = [
      "iam:Get*",
      "iam:List*",
      "iam:CreateServiceLinkedRole"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "IamReadAndServiceLinkedRoles"
  }
}
resource "aws_iam_policy" "boundary-policy" {
  description = "Permissions boundary of every IAM role the Terraform stacks of prod create"
  name        = "prod-workload-boundary"
  policy      = data.aws_iam_policy_document.boundary-document.json
}
resource "aws_iam_openid_connect_provider" "ci-github-oidc" {
  client_id_list = [
    "sts.amazonaws.com"
  ]
  url = "https://token.actions.githubusercontent.com"
}
data "aws_iam_policy_document" "ci-plan-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringLike"
      values = [
        "repo:acme/platform-gitops:pull_request",
        "repo:acme/platform-gitops:ref:refs/heads/*"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.ci-github-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "ci-plan-role" {
  assume_role_policy   = data.aws_iam_policy_document.ci-plan-trust.json
  description          = "Terraform plan of prod from pull requests and branches of acme/platform-gitops"
  max_session_duration = 3600
  name                 = "prod-terraform-plan"
}
data "aws_iam_policy_document" "ci-apply-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
    condition {
      test = "StringEquals"
      values = [
        "sts.amazonaws.com"
      ]
      variable = "token.actions.githubusercontent.com:aud"
    }
    condition {
      test = "StringEquals"
      values = [
        "repo:acme/platform-gitops:environment:production"
      ]
      variable = "token.actions.githubusercontent.com:sub"
    }
    principals {
      identifiers = [
        aws_iam_openid_connect_provider.ci-github-oidc.arn
      ]
      type = "Federated"
    }
  }
}
resource "aws_iam_role" "ci-apply-role" {
  assume_role_policy   = data.aws_iam_policy_document.ci-apply-trust.json
  description          = "Terraform apply of prod from environment production of acme/platform-gitops"
  max_session_duration = 3600
  name                 = "prod-terraform-apply"
}
resource "aws_iam_role_policy_attachment" "ci-plan-read-only" {
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  role       = aws_iam_role.ci-plan-role.name
}
data "aws_iam_policy_document" "ci-plan-state-document" {
  statement {
    actions = [
      "s3:ListBucket"
    ]
    effect = "Allow"
    resources = [
      aws_s3_bucket.bucket.arn
    ]
    sid = "ListState"
  }
  statement {
    actions = [
      "s3:GetObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.bucket.arn}/*"
    ]
    sid = "ReadState"
  }
  statement {
    actions = [
      "s3:PutObject",
      "s3:DeleteObject"
    ]
    effect = "Allow"
    resources = [
      "${aws_s3_bucket.bucket.arn}/*.tflock"
    ]
    sid = "WriteLockFiles"
  }
  statement {
    actions = [
      "kms:Decrypt",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:DescribeKey"
    ]
    effect = "Allow"
    resources = [
      aws_kms_key.key.arn
    ]
    sid = "UseStateKey"
  }
}
resource "aws_iam_role_policy" "ci-plan-state" {
  name   = "terraform-state"
  policy = data.aws_iam_policy_document.ci-plan-state-document.json
  role   = aws_iam_role.ci-plan-role.id
}
resource "aws_iam_role_policy_attachment" "ci-apply-read-only" {
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  role       = aws_iam_role.ci-apply-role.name
}
data "aws_iam_policy_document" "ci-apply-document" {
  statement {
    actions = [
      "s3:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:s3:::acme-tfstate-prod-123456789012*",
      "arn:aws:s3:::acme-tfstate-prod-123456789012*/*",
      "arn:aws:s3:::acme-tfstate-logs-prod-123456789012*",
      "arn:aws:s3:::acme-tfstate-logs-prod-123456789012*/*",
      "arn:aws:s3:::prod-compliance-reports-123456789012*",
      "arn:aws:s3:::prod-compliance-reports-123456789012*/*",
      "arn:aws:s3:::prod-velero-backups-123456789012*",
      "arn:aws:s3:::prod-velero-backups-123456789012*/*"
    ]
    sid = "ManageS3"
  }
  statement {
    actions = [
      "kms:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:kms:eu-central-1:123456789012:key/*",
      "arn:aws:kms:eu-west-1:123456789012:key/*",
      "arn:aws:kms:eu-central-1:123456789012:alias/prod-*",
      "arn:aws:kms:eu-central-1:123456789012:alias/prod-eks-euc1-*",
      "arn:aws:kms:eu-central-1:123456789012:alias/prod-eks-euw1-*",
      "arn:aws:kms:eu-west-1:123456789012:alias/prod-*",
      "arn:aws:kms:eu-west-1:123456789012:alias/prod-eks-euc1-*",
      "arn:aws:kms:eu-west-1:123456789012:alias/prod-eks-euw1-*"
    ]
    sid = "ManageKms"
  }
  statement {
    actions = [
      "iam:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:iam::123456789012:role/prod-*",
      "arn:aws:iam::123456789012:role/prod-eks-euc1-*",
      "arn:aws:iam::123456789012:role/prod-eks-euw1-*",
      "arn:aws:iam::123456789012:role/argocd-prod-eks-euc1",
      "arn:aws:iam::123456789012:role/argocd-prod-eks-euw1",
      "arn:aws:iam::123456789012:policy/prod-*",
      "arn:aws:iam::123456789012:policy/prod-eks-euc1-*",
      "arn:aws:iam::123456789012:policy/prod-eks-euw1-*",
      "arn:aws:iam::123456789012:oidc-provider/*"
    ]
    sid = "ManageIam"
  }
  statement {
    actions = [
      "ec2:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:ec2:eu-central-1:123456789012:*",
      "arn:aws:ec2:eu-west-1:123456789012:*"
    ]
    sid = "ManageEc2"
  }
  statement {
    actions = [
      "eks:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:eks:eu-central-1:123456789012:*",
      "arn:aws:eks:eu-west-1:123456789012:*"
    ]
    sid = "ManageEks"
  }
  statement {
    actions = [
      "logs:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:logs:eu-central-1:123456789012:*",
      "arn:aws:logs:eu-west-1:123456789012:*"
    ]
    sid = "ManageLogs"
  }
  statement {
    actions = [
      "budgets:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:budgets::123456789012:budget/*"
    ]
    sid = "ManageBudgets"
  }
  statement {
    actions = [
      "route53resolver:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:route53resolver:eu-central-1:123456789012:*",
      "arn:aws:route53resolver:eu-west-1:123456789012:*"
    ]
    sid = "ManageRoute53resolver"
  }
  statement {
    actions = [
      "kms:CreateKey"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "CreateKeys"
  }
  statement {
    actions = [
      "iam:CreateServiceLinkedRole"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:iam::123456789012:role/aws-service-role/*"
    ]
    sid = "ServiceLinkedRoles"
  }
  statement {
    actions = [
      "sts:GetCallerIdentity"
    ]
    effect = "Allow"
    resources = [
      "*"
    ]
    sid = "WhoAmI"
  }
  statement {
    actions = [
      "iam:CreateRole",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy",
      "iam:DeleteRolePolicy",
      "iam:AttachRolePolicy",
      "iam:DetachRolePolicy"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "OnlyBoundedRoles"
    condition {
      test = "StringNotEquals"
      values = [
        aws_iam_policy.boundary-policy.arn
      ]
      variable = "iam:PermissionsBoundary"
    }
  }
  statement {
    actions = [
      "iam:DeleteRolePermissionsBoundary"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "KeepBoundaries"
  }
  statement {
    actions = [
      "iam:CreatePolicyVersion",
      "iam:DeletePolicyVersion",
      "iam:SetDefaultPolicyVersion",
      "iam:DeletePolicy"
    ]
    effect = "Deny"
    resources = [
      aws_iam_policy.boundary-policy.arn
    ]
    sid = "KeepBoundaryPolicy"
  }
  statement {
    actions = [
      "iam:CreateRole",
      "iam:PutRolePermissionsBoundary",
      "iam:PutRolePolicy",
      "iam:DeleteRolePolicy",
      "iam:AttachRolePolicy",
      "iam:DetachRolePolicy",
      "iam:DeleteRolePermissionsBoundary",
      "iam:UpdateAssumeRolePolicy",
      "iam:UpdateRole",
      "iam:UpdateRoleDescription",
      "iam:DeleteRole",
      "iam:TagRole",
      "iam:UntagRole"
    ]
    effect = "Deny"
    resources = [
      aws_iam_role.ci-plan-role.arn,
      aws_iam_role.ci-apply-role.arn
    ]
    sid = "KeepCiRoles"
  }
  statement {
    actions = [
      "iam:DeleteOpenIDConnectProvider",
      "iam:AddClientIDToOpenIDConnectProvider",
      "iam:RemoveClientIDFromOpenIDConnectProvider",
      "iam:UpdateOpenIDConnectProviderThumbprint"
    ]
    effect = "Deny"
    resources = [
      "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    ]
    sid = "KeepCiTrust"
  }
  statement {
    actions = [
      "s3:DeleteBucket",
      "s3:PutBucketPolicy",
      "s3:DeleteBucketPolicy"
    ]
    effect = "Deny"
    resources = [
      aws_s3_bucket.bucket.arn
    ]
    sid = "KeepStateStore"
  }
  statement {
    actions = [
      "kms:ScheduleKeyDeletion",
      "kms:DisableKey",
      "kms:DeleteAlias",
      "kms:PutKeyPolicy"
    ]
    effect = "Deny"
    resources = [
      aws_kms_key.key.arn
    ]
    sid = "KeepStateKey"
  }
}
resource "aws_iam_role_policy" "ci-apply-rights" {
  name   = "terraform-apply"
  policy = data.aws_iam_policy_document.ci-apply-document.json
  role   = aws_iam_role.ci-apply-role.id
}
data "aws_iam_policy_document" "break-glass-trust" {
  statement {
    actions = [
      "sts:AssumeRole"
    ]
    effect = "Allow"
    condition {
      test = "Bool"
      values = [
        "true"
      ]
      variable = "aws:MultiFactorAuthPresent"
    }
    principals {
      identifiers = [
        "arn:aws:iam::123456789012:user/oncall-primary",
        "arn:aws:iam::123456789012:user/oncall-secondary"
      ]
      type = "AWS"
    }
  }
}
resource "aws_iam_role" "break-glass-role" {
  assume_role_policy   = data.aws_iam_policy_document.break-glass-trust.json
  description          = "Emergency cluster-admin on the EKS clusters of prod, MFA only"
  max_session_duration = 3600
  name                 = "prod-eks-break-glass"
  permissions_boundary = aws_iam_policy.boundary-policy.arn
}
data "aws_iam_policy_document" "break-glass-permissions" {
  statement {
    actions = [
      "eks:DescribeCluster"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:eks:eu-central-1:123456789012:cluster/prod-eks-euw1",
      "arn:aws:eks:eu-central-1:123456789012:cluster/prod-eks-euc1",
      "arn:aws:eks:eu-west-1:123456789012:cluster/prod-eks-euw1",
      "arn:aws:eks:eu-west-1:123456789012:cluster/prod-eks-euc1"
    ]
    sid = "Kubeconfig"
  }
}
resource "aws_iam_role_policy" "break-glass-policy" {
  name   = "describe-clusters"
  policy = data.aws_iam_policy_document.break-glass-permissions.json
  role   = aws_iam_role.break-glass-role.id
}
resource "aws_budgets_budget" "budget-monthly" {
  budget_type  = "COST"
  limit_amount = "20000"
  limit_unit   = "USD"
  name         = "prod-monthly"
  time_unit    = "MONTHLY"
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 50
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 80
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 90
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "finops@acme.example",
      "platform-team@acme.example"
    ]
    threshold      = 100
    threshold_type = "PERCENTAGE"
  }
}

output "state_bucket_name" {
  value       = aws_s3_bucket.bucket.bucket
  description = "State bucket of the environment; the backend of every AWS stack"
}

output "state_bucket_arn" {
  value       = aws_s3_bucket.bucket.arn
  description = "ARN of the state bucket, for the read-only drift-check roles"
}

output "state_key_arn" {
  value       = aws_kms_key.key.arn
  description = "KMS key encrypting the state bucket"
}

output "state_log_bucket_name" {
  value       = aws_s3_bucket.log-bucket.bucket
  description = "Bucket holding the access logs of the state bucket"
}

output "ci_oidc_provider_arn" {
  value       = aws_iam_openid_connect_provider.ci-github-oidc.arn
  description = "IAM OIDC provider of GitHub Actions"
}

output "ci_plan_role_arn" {
  value       = aws_iam_role.ci-plan-role.arn
  description = "Role CI assumes to run terraform plan (read-only)"
}

output "ci_apply_role_arn" {
  value       = aws_iam_role.ci-apply-role.arn
  description = "Role CI assumes to run terraform apply"
}

output "report_bucket_name" {
  value       = aws_s3_bucket.reports-bucket.bucket
  description = "Bucket policy-reporter uploads the compliance reports to"
}

output "report_bucket_arn" {
  value       = aws_s3_bucket.reports-bucket.arn
  description = "ARN of the report bucket, for the uploaders' roles in the cluster stacks"
}

output "report_key_arn" {
  value       = aws_kms_key.reports-key.arn
  description = "KMS key encrypting the compliance reports"
}

output "backup_bucket_arn" {
  value       = aws_s3_bucket.backups-bucket.arn
  description = "ARN of the Velero backup bucket, for the Velero roles in the cluster stacks"
}

output "backup_key_arn" {
  value       = aws_kms_key.backups-key.arn
  description = "KMS key encrypting the Velero backups"
}
