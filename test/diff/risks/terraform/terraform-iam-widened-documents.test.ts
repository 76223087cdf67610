import { terraformIamWidened } from '../../../../apps/diff/risks/terraform/terraform-iam-widened';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
const APPLY_ROLE = `
resource "aws_iam_role" "ci-apply-role" {
  assume_role_policy   = data.aws_iam_policy_document.ci-apply-trust.json
  description          = "Terraform apply of prod from environment production of acme/platform-gitops"
  max_session_duration = 3600
  name                 = "prod-terraform-apply"
}
`;
const APPLY_RIGHTS = `
resource "aws_iam_role_policy" "ci-apply-rights" {
  name   = "terraform-apply"
  policy = data.aws_iam_policy_document.ci-apply-document.json
  role   = aws_iam_role.ci-apply-role.id
}
`;
const STATE_POLICY = `
resource "aws_s3_bucket_policy" "policy" {
  bucket = aws_s3_bucket.bucket.id
  policy = data.aws_iam_policy_document.policy-document.json
  depends_on = [
    aws_s3_bucket_public_access_block.public-access,
  ]
}
`;
const PLAN_STATE = `
data "aws_iam_policy_document" "ci-plan-state-document" {
  statement {
    actions = [
      "s3:GetObject"
    ]
    effect = "Allow"
    resources = [
      "\${aws_s3_bucket.bucket.arn}/*"
    ]
    sid = "ReadState"
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
`;
const APPLY_DOCUMENT = `
data "aws_iam_policy_document" "ci-apply-document" {
  statement {
    actions = [
      "kms:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:kms:eu-west-1:123456789012:key/*",
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
      "arn:aws:iam::123456789012:role/prod-eks-euw1-*",
      "arn:aws:iam::123456789012:role/argocd-prod-eks-euw1"
    ]
    sid = "ManageIam"
  }
  statement {
    actions = [
      "eks:*"
    ]
    effect = "Allow"
    resources = [
      "arn:aws:eks:eu-west-1:123456789012:*"
    ]
    sid = "ManageEks"
  }
}
`;
const KEEP_CI_ROLES = `
data "aws_iam_policy_document" "ci-apply-document" {
  statement {
    actions = [
      "iam:UpdateAssumeRolePolicy",
      "iam:DeleteRole"
    ]
    effect = "Deny"
    resources = [
      aws_iam_role.ci-plan-role.arn,
      aws_iam_role.ci-apply-role.arn
    ]
    sid = "KeepCiRoles"
  }
}
`;
const STATE_BUCKET_POLICY = `
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
const APPLY_TRUST = `
data "aws_iam_policy_document" "ci-apply-trust" {
  statement {
    actions = [
      "sts:AssumeRoleWithWebIdentity"
    ]
    effect = "Allow"
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
`;

/** Adds a line after the last resource of the statement `sid` (resources lists end before `sid = ...`). */
function withResource(text: string, sid: string, resource: string): string {
  return text.replace(new RegExp(`("\\n {4}\\]\\n {4}sid = "${sid}")`), `",\n      "${resource}$1`);
}

describe('terraform-iam-widened: policy documents and what points at them', () => {
  it('flags the production apply role now trusting another document (the pull-request trust): high, names both documents', async () => {
    const head = APPLY_ROLE.replace('ci-apply-trust.json', 'ci-plan-trust.json');
    const result = findings(terraformIamWidened, await terraformChange('aws_iam_role.ci-apply-role', APPLY_ROLE, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'assume_role_policy' })]);
    expect(result[0]?.reason).toBe(
      'aws-foundation: aws_iam_role.ci-apply-role: trust now comes from ${data.aws_iam_policy_document.ci-plan-trust.json} (was ${data.aws_iam_policy_document.ci-apply-trust.json}): review that document; trust changed in production',
    );
  });

  it('flags a role policy taking its permissions from another document, medium in staging', async () => {
    const head = APPLY_RIGHTS.replace('ci-apply-document.json', 'break-glass-document.json');
    const result = findings(terraformIamWidened, await terraformChange('aws_iam_role_policy.ci-apply-rights', APPLY_RIGHTS, head, { environment: 'staging' }), 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'policy' })]);
    expect(result[0]?.reason).toContain(
      'permissions now come from ${data.aws_iam_policy_document.break-glass-document.json} (was ${data.aws_iam_policy_document.ci-apply-document.json})',
    );
    const inline = APPLY_RIGHTS.replace('data.aws_iam_policy_document.ci-apply-document.json', 'jsonencode({ Version = "2012-10-17", Statement = [] })');
    const edited = inline.replace('Statement = []', 'Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]');
    const inlineResult = findings(terraformIamWidened, await terraformChange('aws_iam_role_policy.ci-apply-rights', inline, edited), 'production');
    expect(inlineResult).toEqual([expect.objectContaining({ level: 'high', reason: expect.stringContaining('inline permissions policy edited: review it') })]);
  });

  it('flags the state bucket policy taken from another document: its TLS-only Deny is read in the old one only', async () => {
    const head = STATE_POLICY.replace('policy-document.json', 'log-policy-document.json');
    const result = findings(terraformIamWidened, await terraformChange('aws_s3_bucket_policy.policy', STATE_POLICY, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'policy' })]);
    expect(result[0]?.reason).toContain('permissions now come from ${data.aws_iam_policy_document.log-policy-document.json}');
    const withoutDependsOn = STATE_POLICY.replace('  depends_on = [\n    aws_s3_bucket_public_access_block.public-access,\n  ]\n', '');
    expect(findings(terraformIamWidened, await terraformChange('aws_s3_bucket_policy.policy', STATE_POLICY, withoutDependsOn), 'production')).toEqual([]);
  });

  it('does not flag a role or role policy whose documents stay (description, session length, name changed)', async () => {
    const role = APPLY_ROLE.replace('max_session_duration = 3600', 'max_session_duration = 7200').replace('Terraform apply of prod', 'Terraform apply (prod)');
    expect(findings(terraformIamWidened, await terraformChange('aws_iam_role.ci-apply-role', APPLY_ROLE, role), 'production')).toEqual([]);
    const rights = APPLY_RIGHTS.replace('"terraform-apply"', '"terraform-apply-rights"');
    expect(findings(terraformIamWidened, await terraformChange('aws_iam_role_policy.ci-apply-rights', APPLY_RIGHTS, rights), 'production')).toEqual([]);
  });

  it('notes a reference re-pointed to a renamed block of the same type and attribute at low, not as a widening', async () => {
    const head = PLAN_STATE.replace('aws_kms_key.key.arn', 'aws_kms_key.state-key.arn').replace('aws_s3_bucket.bucket.arn}/*', 'aws_s3_bucket.state-bucket.arn}/*');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-plan-state-document', PLAN_STATE, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'low' })]);
    expect(result[0]?.reason).toContain('reference re-pointed: statement ReadState: resource ${aws_s3_bucket.bucket.arn}/* -> ${aws_s3_bucket.state-bucket.arn}/*');
    expect(result[0]?.reason).toContain('statement UseStateKey: resource ${aws_kms_key.key.arn} -> ${aws_kms_key.state-key.arn}');
  });

  it('flags a Deny that no longer covers a resource, and notes one re-pointed to a renamed role at low', async () => {
    const fewer = KEEP_CI_ROLES.replace('      aws_iam_role.ci-plan-role.arn,\n', '');
    const dropped = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-document', KEEP_CI_ROLES, fewer), 'production');
    expect(dropped).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(dropped[0]?.reason).toContain('Deny statement KeepCiRoles no longer covers ${aws_iam_role.ci-plan-role.arn}');
    const renamed = KEEP_CI_ROLES.replace('aws_iam_role.ci-apply-role.arn', 'aws_iam_role.ci-apply.arn');
    const repointed = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-document', KEEP_CI_ROLES, renamed), 'production');
    expect(repointed).toEqual([expect.objectContaining({ level: 'low' })]);
    expect(repointed[0]?.reason).toContain('Deny statement KeepCiRoles: resource ${aws_iam_role.ci-apply-role.arn} -> ${aws_iam_role.ci-apply.arn}');
  });

  it('flags a reference replaced by a wildcard: that is a widening, not a re-pointing', async () => {
    const wildcard = PLAN_STATE.replace('aws_kms_key.key.arn', '"*"');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-plan-state-document', PLAN_STATE, wildcard), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('statement UseStateKey: resources +* (every resource of the kind); grant widened in production');
  });

  it('gives one medium finding for a cluster added to the apply document (the same actions on more resources), even in production', async () => {
    let head = withResource(APPLY_DOCUMENT, 'ManageKms', 'arn:aws:kms:eu-west-1:123456789012:alias/prod-eks-euw2-*');
    head = withResource(head, 'ManageIam', 'arn:aws:iam::123456789012:role/prod-eks-euw2-*');
    head = withResource(head, 'ManageIam', 'arn:aws:iam::123456789012:role/argocd-prod-eks-euw2');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-document', APPLY_DOCUMENT, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'statement' })]);
    expect(result[0]?.reason).toBe(
      'aws-foundation: data.aws_iam_policy_document.ci-apply-document: grants the same actions on more resources: ManageKms +arn:aws:kms:eu-west-1:123456789012:alias/prod-eks-euw2-*, ManageIam +arn:aws:iam::123456789012:role/prod-eks-euw2-*, +arn:aws:iam::123456789012:role/argocd-prod-eks-euw2; grant widened in production',
    );
  });

  it('keeps the document high when the same edit also adds an action, in one finding', async () => {
    const more = withResource(APPLY_DOCUMENT, 'ManageIam', 'arn:aws:iam::123456789012:role/prod-eks-euw2-*');
    const head = more.replace('"eks:*"', '"eks:*",\n      "route53resolver:*"');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-document', APPLY_DOCUMENT, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain(
      'statement ManageEks: actions +route53resolver:*; grants the same actions on more resources: ManageIam +arn:aws:iam::123456789012:role/prod-eks-euw2-*',
    );
  });

  it('says "any subject of the issuer" when the :sub condition accepts anything', async () => {
    const head = APPLY_TRUST.replace('"StringEquals"', '"StringLike"').replace('"repo:acme/platform-gitops:environment:production"', '"*"');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-trust', APPLY_TRUST, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('now accepts * (any subject of the issuer: any repository, branch or workload); trust widened in production');
  });

  it('leaves the TLS-only Deny of a state bucket policy to terraform-storage-weakened, and flags it on a bucket it does not cover', async () => {
    const head = STATE_BUCKET_POLICY.replace(/ {2}statement \{[\s\S]*\n {2}\}\n/, '');
    const state = await terraformChange('data.aws_iam_policy_document.policy-document', STATE_BUCKET_POLICY, head);
    expect(findings(terraformIamWidened, state, 'production')).toEqual([]);
    const other = await terraformChange('data.aws_iam_policy_document.policy-document', STATE_BUCKET_POLICY, head, { stack: 'aws-network-prod-eks-euw1' });
    const result = findings(terraformIamWidened, other, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain('Deny statement DenyInsecureTransport (s3:*) removed');
  });
});
