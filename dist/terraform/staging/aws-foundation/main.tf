terraform {
  required_providers {
    aws = {
      version = "6.25.0"
      source  = "aws"
    }
  }
  backend "s3" {
    bucket       = "acme-tfstate-staging-210987654321"
    key          = "aws-foundation/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "arn:aws:kms:eu-west-1:210987654321:alias/staging-tfstate"
    use_lockfile = true
  }

}

provider "aws" {
  allowed_account_ids = [
    "210987654321"
  ]
  region = "eu-west-1"
  default_tags {
    tags = {
      env         = "staging"
      owner       = "platform-team"
      cost-centre = "cc-4711"
      managed-by  = "gitops-cdk"
    }
  }
}
resource "aws_kms_key" "key" {
  deletion_window_in_days = 30
  description             = "Encrypts the Terraform state of staging"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "key-alias" {
  name          = "alias/staging-tfstate"
  target_key_id = aws_kms_key.key.key_id
}
resource "aws_s3_bucket" "bucket" {
  bucket = "acme-tfstate-staging-210987654321"
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
      noncurrent_days = 90
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
  bucket = "acme-tfstate-logs-staging-210987654321"
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
        "210987654321"
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
      days = 90
    }
    filter {

    }
  }
}
resource "aws_kms_key" "reports-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the compliance reports of staging"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "reports-key-alias" {
  name          = "alias/staging-compliance-reports"
  target_key_id = aws_kms_key.reports-key.key_id
}
resource "aws_s3_bucket" "reports-bucket" {
  bucket = "staging-compliance-reports-210987654321"
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
      noncurrent_days = 90
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
  bucket = "staging-compliance-reports-210987654321-logs"
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
        "210987654321"
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
      days = 90
    }
    filter {

    }
  }
}
resource "aws_kms_key" "backups-key" {
  deletion_window_in_days = 30
  description             = "Encrypts the Velero backups of staging"
  enable_key_rotation     = true
  lifecycle {
    prevent_destroy = true
  }
}
resource "aws_kms_alias" "backups-key-alias" {
  name          = "alias/staging-velero-backups"
  target_key_id = aws_kms_key.backups-key.key_id
}
resource "aws_s3_bucket" "backups-bucket" {
  bucket = "staging-velero-backups-210987654321"
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
      noncurrent_days = 14
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
  bucket = "staging-velero-backups-210987654321-logs"
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
        "210987654321"
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
      days = 14
    }
    filter {

    }
  }
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
  description = "Permissions boundary of every IAM role the Terraform stacks of staging create"
  name        = "staging-workload-boundary"
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
  description          = "Terraform plan of staging from pull requests and branches of acme/platform-gitops"
  max_session_duration = 3600
  name                 = "staging-terraform-plan"
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
        "repo:acme/platform-gitops:ref:refs/heads/main"
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
  description          = "Terraform apply of staging from branch main of acme/platform-gitops"
  max_session_duration = 3600
  name                 = "staging-terraform-apply"
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
      "arn:aws:s3:::acme-tfstate-staging-210987654321*",
      "arn:aws:s3:::acme-tfstate-staging-210987654321*/*",
      "arn:aws:s3:::acme-tfstate-logs-staging-210987654321*",
      "arn:aws:s3:::acme-tfstate-logs-staging-210987654321*/*",
      "arn:aws:s3:::staging-compliance-reports-210987654321*",
      "arn:aws:s3:::staging-compliance-reports-210987654321*/*",
      "arn:aws:s3:::staging-velero-backups-210987654321*",
      "arn:aws:s3:::staging-velero-backups-210987654321*/*"
    ]
    sid = "ManageS3"
  }
  statement {
    actions = [
      "kms:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:kms:eu-west-1:210987654321:key/*",
      "arn:aws:kms:eu-west-1:210987654321:alias/staging-*",
      "arn:aws:kms:eu-west-1:210987654321:alias/staging-eks-euw1-*"
    ]
    sid = "ManageKms"
  }
  statement {
    actions = [
      "iam:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:iam::210987654321:role/staging-*",
      "arn:aws:iam::210987654321:role/staging-eks-euw1-*",
      "arn:aws:iam::210987654321:role/argocd-staging-eks-euw1",
      "arn:aws:iam::210987654321:policy/staging-*",
      "arn:aws:iam::210987654321:policy/staging-eks-euw1-*",
      "arn:aws:iam::210987654321:oidc-provider/*"
    ]
    sid = "ManageIam"
  }
  statement {
    actions = [
      "ec2:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:ec2:eu-west-1:210987654321:*"
    ]
    sid = "ManageEc2"
  }
  statement {
    actions = [
      "eks:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:eks:eu-west-1:210987654321:*"
    ]
    sid = "ManageEks"
  }
  statement {
    actions = [
      "logs:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:logs:eu-west-1:210987654321:*"
    ]
    sid = "ManageLogs"
  }
  statement {
    actions = [
      "budgets:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:budgets::210987654321:budget/*"
    ]
    sid = "ManageBudgets"
  }
  statement {
    actions = [
      "route53resolver:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:route53resolver:eu-west-1:210987654321:*"
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
      "arn:aws:iam::210987654321:role/aws-service-role/*"
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
      "arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com"
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
resource "aws_budgets_budget" "budget-monthly" {
  budget_type  = "COST"
  limit_amount = "5000"
  limit_unit   = "USD"
  name         = "staging-monthly"
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
    threshold      = 100
    threshold_type = "PERCENTAGE"
  }
}
resource "aws_budgets_budget" "budget-staging-tenant-payments-monthly" {
  budget_type  = "COST"
  limit_amount = "300"
  limit_unit   = "USD"
  name         = "staging-tenant-payments"
  time_unit    = "MONTHLY"
  cost_filter {
    name = "TagKeyValue"
    values = [
      "user:tenant$payments"
    ]
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "payments-leads@acme.example"
    ]
    threshold      = 80
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "payments-leads@acme.example"
    ]
    threshold      = 100
    threshold_type = "PERCENTAGE"
  }
}
resource "aws_budgets_budget" "budget-staging-tenant-search-monthly" {
  budget_type  = "COST"
  limit_amount = "200"
  limit_unit   = "USD"
  name         = "staging-tenant-search"
  time_unit    = "MONTHLY"
  cost_filter {
    name = "TagKeyValue"
    values = [
      "user:tenant$search"
    ]
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "search-leads@acme.example"
    ]
    threshold      = 50
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "search-leads@acme.example"
    ]
    threshold      = 80
    threshold_type = "PERCENTAGE"
  }
  notification {
    comparison_operator = "GREATER_THAN"
    notification_type   = "ACTUAL"
    subscriber_email_addresses = [
      "search-leads@acme.example"
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
