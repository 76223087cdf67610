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
      test = "StringNotEqualsIfExists"
      values = [
        "aws:kms"
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

output "bucket_name" {
  value       = aws_s3_bucket.bucket.bucket
  description = "State bucket of the environment; the backend of every AWS stack"
}

output "key_arn" {
  value       = aws_kms_key.key.arn
  description = "KMS key encrypting the state bucket"
}
