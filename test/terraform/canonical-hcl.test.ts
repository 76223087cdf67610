import { canonicalHcl } from '../../constructs/terraform/canonical-hcl';

describe('canonicalHcl', () => {
  it('turns interpolation-only strings into bare references, as terraform fmt does', () => {
    expect(canonicalHcl('  bucket = "${aws_s3_bucket.b.id}"\n')).toBe('  bucket = aws_s3_bucket.b.id\n');
  });

  it('turns an interpolation-only function call with quoted arguments into a bare expression', () => {
    expect(canonicalHcl(`    start_date = "\${formatdate("YYYY-MM-01'T'00:00:00Z", timestamp())}"\n`)).toBe(`    start_date = formatdate("YYYY-MM-01'T'00:00:00Z", timestamp())\n`);
    const mixed = '      variable = "${replace(aws_eks_cluster.c.identity[0].oidc[0].issuer, "https://", "")}:aud"\n';
    expect(canonicalHcl(mixed)).toBe(mixed);
  });

  it('keeps strings that mix text and interpolation quoted', () => {
    const line = '  name = "prefix-${var.env}"\n';
    expect(canonicalHcl(line)).toBe(line);
  });

  it('keeps interpolations with nested braces (function calls on objects) quoted', () => {
    const line = '  policy = "${jsonencode({a = 1})}"\n';
    expect(canonicalHcl(line)).toBe(line);
  });

  it('unquotes depends_on entries and nothing else in the list context', () => {
    const hcl = ['  depends_on = [', '    "aws_s3_bucket_public_access_block.pab",', '  ]', '  tags = ["x"]'].join('\n');
    expect(canonicalHcl(hcl)).toBe(['  depends_on = [', '    aws_s3_bucket_public_access_block.pab,', '  ]', '  tags = ["x"]', ''].join('\n'));
  });

  it('unquotes lifecycle ignore_changes entries and provider aliases', () => {
    const hcl = ['  provider = "google.billing"', '  lifecycle {', '    ignore_changes = [', '      "node_config",', '    ]', '  }', '  name = "google.billing"'].join('\n');
    expect(canonicalHcl(hcl)).toBe(
      ['  provider = google.billing', '  lifecycle {', '    ignore_changes = [', '      node_config,', '    ]', '  }', '  name = "google.billing"', ''].join('\n'),
    );
  });

  it('leaves heredoc bodies untouched', () => {
    const hcl = ['  script = <<EOT', 'echo "${aws_s3_bucket.b.id}"', 'EOT', '  x = "${a.b}"'].join('\n');
    expect(canonicalHcl(hcl)).toBe(['  script = <<EOT', 'echo "${aws_s3_bucket.b.id}"', 'EOT', '  x = a.b', ''].join('\n'));
  });

  it('ends the file with exactly one newline and collapses runs of blank lines', () => {
    expect(canonicalHcl('a = 1\n\n\n\nb = 2')).toBe('a = 1\n\nb = 2\n');
  });
});
