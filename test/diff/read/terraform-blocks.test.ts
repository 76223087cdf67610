import { differingBlocks, topLevelBlocks } from '../../../apps/diff/read/terraform-blocks';

const STACK = (versioning: string) =>
  [
    'terraform {',
    '  backend "s3" {',
    '    bucket = "b"',
    '  }',
    '}',
    '',
    'provider "aws" {',
    '  region = "eu-west-1"',
    '}',
    '',
    'provider "aws" {',
    '  alias  = "replica"',
    '  region = "eu-central-1"',
    '}',
    'resource "aws_s3_bucket" "bucket" {',
    '  bucket = "b"',
    '}',
    'resource "aws_s3_bucket_versioning" "versioning" {',
    '  versioning_configuration {',
    `    status = "${versioning}"`,
    '  }',
    '}',
    'moved {',
    '  from = aws_s3_bucket.old',
    '  to   = aws_s3_bucket.bucket',
    '}',
    '',
  ].join('\n');

describe('terraform blocks', () => {
  it('splits a stack into its top-level blocks, telling same-named ones apart by order', () => {
    expect([...(topLevelBlocks(STACK('Enabled'))?.keys() ?? [])]).toEqual([
      'terraform {#1',
      'provider "aws" {#1',
      'provider "aws" {#2',
      'resource "aws_s3_bucket" "bucket" {#1',
      'resource "aws_s3_bucket_versioning" "versioning" {#1',
      'moved {#1',
    ]);
  });

  it('keeps only the blocks that differ, and every moved block', () => {
    const cut = differingBlocks(STACK('Enabled'), STACK('Suspended'));
    expect(cut?.base).toBe(
      [
        'resource "aws_s3_bucket_versioning" "versioning" {',
        '  versioning_configuration {',
        '    status = "Enabled"',
        '  }',
        '}',
        'moved {',
        '  from = aws_s3_bucket.old',
        '  to   = aws_s3_bucket.bucket',
        '}',
      ].join('\n'),
    );
    expect(cut?.head).toContain('status = "Suspended"');
    expect(cut?.head).not.toContain('resource "aws_s3_bucket" "bucket"');
  });

  it('gives up (parse the whole files) on a text of another shape: a heredoc, a one-line block, a comment', () => {
    expect(topLevelBlocks('resource "x" "y" {\n  v = <<EOT\n}\nEOT\n}\n')).toBeUndefined();
    expect(topLevelBlocks('locals { a = 1 }\n')).toBeUndefined();
    expect(topLevelBlocks('# a comment\nterraform {\n}\n')).toBeUndefined();
    expect(topLevelBlocks('terraform {\n')).toBeUndefined();
    expect(differingBlocks('terraform {\n', STACK('Enabled'))).toBeUndefined();
  });
});
