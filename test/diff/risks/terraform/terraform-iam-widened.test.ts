import { terraformIamWidened } from '../../../../apps/diff/risks/terraform/terraform-iam-widened';
import { findings, terraformChange } from '../../change-builders';

// Trimmed from dist/terraform/prod/aws-foundation/main.tf.
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
`;
const BOUNDARY = `
data "aws_iam_policy_document" "boundary-document" {
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
  statement {
    actions = [
      "iam:DeleteRolePermissionsBoundary"
    ]
    effect = "Deny"
    resources = [
      "*"
    ]
    sid = "KeepTheBoundary"
  }
}
`;
const ATTACHMENT = `
resource "aws_iam_role_policy_attachment" "ci-plan-read-only" {
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  role       = aws_iam_role.ci-plan-role.name
}
`;
const OIDC = `
resource "aws_iam_openid_connect_provider" "ci-github-oidc" {
  client_id_list = [
    "sts.amazonaws.com"
  ]
  url = "https://token.actions.githubusercontent.com"
}
`;
// Trimmed from dist/terraform/dev/azure-foundation/main.tf.
const KEY_ACCESS = `
resource "azurerm_role_assignment" "storage-key-access" {
  principal_id         = azurerm_user_assigned_identity.storage-identity.principal_id
  principal_type       = "ServicePrincipal"
  role_definition_name = "Key Vault Crypto Service Encryption User"
  scope                = azurerm_key_vault_key.state-encryption-key.resource_versionless_id
}
`;
const PULL_REQUEST_CREDENTIAL = `
resource "azurerm_federated_identity_credential" "ci-plan-github-pull-request" {
  audience = [
    "api://AzureADTokenExchange"
  ]
  issuer              = "https://token.actions.githubusercontent.com"
  name                = "github-pull-request"
  parent_id           = azurerm_user_assigned_identity.ci-plan.id
  resource_group_name = azurerm_resource_group.resource-group.name
  subject             = "repo:acme/platform-gitops:pull_request"
}
`;
// Trimmed from dist/terraform/dev/gcp-foundation/main.tf.
const PLAN_VIEWER = `
resource "google_project_iam_member" "ci-plan-viewer" {
  member  = google_service_account.ci-plan.member
  project = "acme-platform-dev"
  role    = "roles/viewer"
}
`;
const APPLY_FEDERATION = `
resource "google_service_account_iam_member" "ci-apply-federation" {
  member             = "principal://iam.googleapis.com/\${google_iam_workload_identity_pool.ci-pool.name}/subject/repo:acme/platform-gitops:ref:refs/heads/main"
  role               = "roles/iam.workloadIdentityUser"
  service_account_id = google_service_account.ci-apply.name
}
`;
const POOL_PROVIDER = `
resource "google_iam_workload_identity_pool_provider" "ci-github" {
  attribute_condition = "assertion.repository_id == '734215908' && assertion.repository == 'acme/platform-gitops'"
  attribute_mapping = {
    "google.subject"       = "assertion.sub"
    "attribute.repository" = "assertion.repository"
  }
  display_name                       = "GitHub"
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci-pool.workload_identity_pool_id
  workload_identity_pool_provider_id = "github"
  oidc {
    issuer_uri = "https://token.actions.githubusercontent.com"
  }
}
`;

const AZURE = { stack: 'azure-foundation', environment: 'dev' };
const GCP = { stack: 'gcp-foundation', environment: 'dev' };
const SUB = 'token.actions.githubusercontent.com:sub';

describe('terraform-iam-widened', () => {
  it("flags the CI apply role's OIDC trust loosened from StringEquals to StringLike on any ref of the repository: one finding for the one condition edit, high in production", async () => {
    const head = APPLY_TRUST.replace(/"StringEquals"(\s+values = \[\s+"repo:)/, '"StringLike"$1').replace('environment:production', '*');
    const change = await terraformChange('data.aws_iam_policy_document.ci-apply-trust', APPLY_TRUST, head);
    const result = findings(terraformIamWidened, change, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high', path: 'statement' })]);
    expect(result[0]?.reason).toContain(`condition on ${SUB} StringEquals -> StringLike, now accepts repo:acme/platform-gitops:*; trust widened in production`);
    // The subject is still limited to the repository: no "any subject of the issuer".
    expect(result[0]?.reason).not.toContain('any subject');
  });

  it('flags another exact subject trusted (StringEquals on a new value)', async () => {
    const head = APPLY_TRUST.replace('environment:production"', 'environment:production-eu"');
    const result = findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-trust', APPLY_TRUST, head), 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toContain(`condition on ${SUB} now accepts repo:acme/platform-gitops:environment:production-eu; trust widened`);
  });

  it('flags the :sub condition removed from the trust: any repository of the issuer may assume the role (medium in staging)', async () => {
    const head = APPLY_TRUST.replace(/ {4}condition \{\n {6}test = "StringEquals"\n {6}values = \[\n {8}"repo:[^\n]*\n {6}\]\n {6}variable = "[^"]*:sub"\n {4}\}\n/, '');
    const change = await terraformChange('data.aws_iam_policy_document.ci-apply-trust', APPLY_TRUST, head, { environment: 'staging' });
    const result = findings(terraformIamWidened, change, 'staging');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'statement' })]);
    expect(result[0]?.reason).toContain(`condition StringEquals ${SUB} removed (any subject of the issuer`);
  });

  it('flags actions made wildcard and a Deny statement removed in the permissions boundary', async () => {
    const head = BOUNDARY.replace('"iam:Get*",\n      "iam:List*",\n      "iam:CreateServiceLinkedRole"', '"iam:*"').replace(
      / {2}statement \{\n {4}actions = \[\n {6}"iam:DeleteRolePermissionsBoundary"[\s\S]*?\n {2}\}\n/,
      '',
    );
    const change = await terraformChange('data.aws_iam_policy_document.boundary-document', BOUNDARY, head);
    const result = findings(terraformIamWidened, change, 'production');
    expect(result).toEqual([expect.objectContaining({ level: 'high' })]);
    expect(result[0]?.reason).toBe(
      'aws-foundation: data.aws_iam_policy_document.boundary-document: statement IamReadAndServiceLinkedRoles: actions +iam:*, -iam:Get*, -iam:List*, -iam:CreateServiceLinkedRole; Deny statement KeepTheBoundary (iam:DeleteRolePermissionsBoundary) removed; grant widened in production',
    );
  });

  it('flags AdministratorAccess attached and the OIDC provider accepting another audience', async () => {
    const admin = await terraformChange('aws_iam_role_policy_attachment.ci-plan-read-only', ATTACHMENT, ATTACHMENT.replace('ReadOnlyAccess', 'AdministratorAccess'));
    expect(findings(terraformIamWidened, admin, 'production')).toEqual([expect.objectContaining({ level: 'high', path: 'policy_arn' })]);
    const audience = await terraformChange(
      'aws_iam_openid_connect_provider.ci-github-oidc',
      OIDC,
      OIDC.replace('"sts.amazonaws.com"', '"sts.amazonaws.com",\n    "https://github.com/acme"'),
    );
    expect(findings(terraformIamWidened, audience, 'production')[0]?.reason).toContain('now accepts audiences https://github.com/acme');
  });

  it('flags an Azure role assignment moved from a key to the subscription as Owner, and Contributor newly assigned', async () => {
    const head = KEY_ACCESS.replace('"Key Vault Crypto Service Encryption User"', '"Owner"').replace(
      'azurerm_key_vault_key.state-encryption-key.resource_versionless_id',
      '"/subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63"',
    );
    const change = await terraformChange('azurerm_role_assignment.storage-key-access', KEY_ACCESS, head, AZURE);
    const result = findings(terraformIamWidened, change, 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'medium' })]);
    expect(result[0]?.reason).toContain('role Key Vault Crypto Service Encryption User -> Owner; scope ');
    expect(result[0]?.reason).toContain('-> /subscriptions/9a1c5e7b-3d2f-4b6a-8e0c-1f4d7a2b9c63 (wider)');
    const added = await terraformChange(
      'azurerm_role_assignment.storage-key-access',
      undefined,
      KEY_ACCESS.replace('"Key Vault Crypto Service Encryption User"', '"Contributor"'),
      AZURE,
    );
    expect(findings(terraformIamWidened, added, 'production')[0]?.reason).toContain('Contributor assigned at');
  });

  it('flags the subject of a federated credential changed', async () => {
    const head = PULL_REQUEST_CREDENTIAL.replace('pull_request"', 'environment:dev"');
    const change = await terraformChange('azurerm_federated_identity_credential.ci-plan-github-pull-request', PULL_REQUEST_CREDENTIAL, head, AZURE);
    const result = findings(terraformIamWidened, change, 'development');
    expect(result).toEqual([expect.objectContaining({ path: 'subject' })]);
    expect(result[0]?.reason).toContain('repo:acme/platform-gitops:pull_request -> repo:acme/platform-gitops:environment:dev');
  });

  it('flags roles/editor granted, impersonation opened to the whole repository, and the pool condition dropped', async () => {
    const editor = await terraformChange('google_project_iam_member.ci-plan-viewer', undefined, PLAN_VIEWER.replace('roles/viewer', 'roles/editor'), GCP);
    expect(findings(terraformIamWidened, editor, 'development')[0]?.reason).toContain('roles/editor granted to ${google_service_account.ci-plan.member}');
    const repository = APPLY_FEDERATION.replace('principal://', 'principalSet://').replace(
      'subject/repo:acme/platform-gitops:ref:refs/heads/main',
      'attribute.repository/acme/platform-gitops',
    );
    const impersonation = findings(
      terraformIamWidened,
      await terraformChange('google_service_account_iam_member.ci-apply-federation', APPLY_FEDERATION, repository, GCP),
      'development',
    );
    expect(impersonation).toEqual([expect.objectContaining({ path: 'member' })]);
    expect(impersonation[0]?.reason).toContain('trust widened');
    const unconditioned = POOL_PROVIDER.replace(/ {2}attribute_condition = [^\n]*\n/, '');
    const pool = findings(terraformIamWidened, await terraformChange('google_iam_workload_identity_pool_provider.ci-github', POOL_PROVIDER, unconditioned, GCP), 'development');
    expect(pool[0]?.reason).toContain('(none: every token of the issuer)');
  });

  it('flags the workload identity subject of the apply service account swapped to the pull-request ref, and the token creator given to another member', async () => {
    const head = APPLY_FEDERATION.replace('ref:refs/heads/main', 'pull_request');
    const result = findings(terraformIamWidened, await terraformChange('google_service_account_iam_member.ci-apply-federation', APPLY_FEDERATION, head, GCP), 'development');
    expect(result).toEqual([expect.objectContaining({ level: 'medium', path: 'member' })]);
    expect(result[0]?.reason).toContain(
      'roles/iam.workloadIdentityUser now granted to principal://iam.googleapis.com/${google_iam_workload_identity_pool.ci-pool.name}/subject/repo:acme/platform-gitops:pull_request (was ',
    );
    expect(result[0]?.reason).toContain('trust widened in development');
    const creator = APPLY_FEDERATION.replace('roles/iam.workloadIdentityUser', 'roles/iam.serviceAccountTokenCreator');
    const other = creator.replace(/member {13}= "[^"]*"/, 'member             = "serviceAccount:drift@acme-platform-dev.iam.gserviceaccount.com"');
    const tokens = findings(terraformIamWidened, await terraformChange('google_service_account_iam_member.ci-apply-federation', creator, other, GCP), 'production');
    expect(tokens).toEqual([expect.objectContaining({ level: 'high', path: 'member' })]);
  });

  it('does not flag narrowing or ordinary grants: a trust tightened, a read-only grant added, a pool condition narrowed, a statement reordered', async () => {
    const twoAudiences = APPLY_TRUST.replace('"sts.amazonaws.com"', '"sts.amazonaws.com",\n        "https://github.com/acme"');
    expect(findings(terraformIamWidened, await terraformChange('data.aws_iam_policy_document.ci-apply-trust', twoAudiences, APPLY_TRUST), 'production')).toEqual([]);
    const sameSubject = APPLY_FEDERATION.replace('service_account_id = google_service_account.ci-apply.name', 'service_account_id = google_service_account.ci-apply.id');
    expect(findings(terraformIamWidened, await terraformChange('google_service_account_iam_member.ci-apply-federation', APPLY_FEDERATION, sameSubject, GCP), 'production')).toEqual(
      [],
    );
    const viewer = await terraformChange('google_project_iam_member.ci-plan-viewer', undefined, PLAN_VIEWER, GCP);
    expect(findings(terraformIamWidened, viewer, 'production')).toEqual([]);
    const reader = await terraformChange('azurerm_role_assignment.storage-key-access', undefined, KEY_ACCESS, AZURE);
    expect(findings(terraformIamWidened, reader, 'production')).toEqual([]);
    const tighter = POOL_PROVIDER.replace("== 'acme/platform-gitops'\"", "== 'acme/platform-gitops' && assertion.ref == 'refs/heads/main'\"");
    expect(findings(terraformIamWidened, await terraformChange('google_iam_workload_identity_pool_provider.ci-github', POOL_PROVIDER, tighter, GCP), 'production')).toEqual([]);
    const swapped = BOUNDARY.replace('"iam:Get*",\n      "iam:List*"', '"iam:List*",\n      "iam:Get*"');
    // Reordered actions are the same document: the diff reports no change, so no rule sees one.
    await expect(terraformChange('data.aws_iam_policy_document.boundary-document', BOUNDARY, swapped)).rejects.toThrow('the two sides are equal');
  });
});
