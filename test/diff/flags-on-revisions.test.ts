import { parse, stringify } from 'yaml';
import type { DiffOptions } from '../../apps/diff/diff-options';
import type { RiskLevel } from '../../apps/diff/risks/risk-rule';
import { runDiff } from '../../apps/diff/run-diff';
import { fixtureEnvironment } from '../support/fixture-environment';
import { fixtureException } from '../support/fixture-exception';
import { type DistTree, EstateRepository, editFile, synthesizedDist, withoutFiles } from './estate-repository';
import { inBlock, withoutBlock } from './hcl-edits';

/**
 * One pair of revisions per risk flag: `main` holds the synthesized fixture estate; each case commits
 * the estate with one change on top (a spec change synthesized again where synth allows it, else the
 * edit a library change would make to dist/) and runs the diff on the two commits.
 */
const lab = fixtureEnvironment({ tier: 'development' });
const stage = fixtureEnvironment({ tier: 'staging' });
const live = fixtureEnvironment({ tier: 'production' });
const OPTIONS: DiffOptions = { format: 'json', failOn: 'high', detailsFile: 'details.md', commentFor: 'github', notes: [] };

const FOUNDATION = 'dist/terraform/live/aws-foundation/main.tf';
const ROOT_APP = 'dist/k8s/live/root/application-live-root.yaml';
const PROJECT = 'dist/k8s/live/projects/appproject-platform.yaml';
const REQUIRE_LABELS = 'dist/k8s/live/policies/clusterpolicy-require-labels.yaml';
const LIVE_RESULTS = 'dist/compliance/results/live.jsonl';

type Edit = (estate: DistTree) => DistTree | Promise<DistTree>;

/** The estate synthesized with a policy exception granted in live (beforeAll): the exception cases share it. */
let withException: DistTree;

/** Sets the field at `fields` of the YAML object in `path` to what `value` makes of the old value. */
function yamlEdit(path: string, fields: readonly string[], value: (old: unknown) => unknown): Edit {
  return (estate) =>
    editFile(estate, path, (text) => {
      const object: unknown = parse(text);
      let parent = object as Record<string, unknown>;
      for (const field of fields.slice(0, -1)) parent = parent[field] as Record<string, unknown>;
      const last = fields[fields.length - 1] ?? '';
      parent[last] = value(parent[last]);
      return stringify(object);
    });
}

/** Edits production's results file (one result per line) as `edit` changes its results. */
function resultsEdit(edit: (results: Record<string, unknown>[]) => void): Edit {
  return (estate) =>
    editFile(estate, LIVE_RESULTS, (text) => {
      const results = text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      edit(results);
      return results.map((result) => `${JSON.stringify(result)}\n`).join('');
    });
}

/** A policy document's block without its statement `sid` (a statement ends at the first `  }` line after its sid). */
function withoutStatement(block: string, sid: string): string {
  const at = block.indexOf(`sid = "${sid}"`);
  const start = block.lastIndexOf('  statement {', at);
  const end = block.indexOf('\n  }\n', at);
  if (at < 0 || start < 0 || end < 0) throw new Error(`no statement ${sid}`);
  return block.slice(0, start) + block.slice(end + '\n  }\n'.length);
}

/** The first passing error-level Terraform result of production in the report. */
function passingResult(results: Record<string, unknown>[]): Record<string, unknown> {
  const result = results.find((r) => r.environment === 'live' && r.engine === 'terraform' && r.level === 'error' && r.status === 'pass');
  if (result === undefined) throw new Error('the fixture report has no passing production Terraform result');
  return result;
}

const CASES: readonly { readonly flag: string; readonly rule: string; readonly level: RiskLevel; readonly edit: Edit }[] = [
  {
    flag: 'auto-prune switched on in production',
    rule: 'argocd-auto-prune-enabled',
    level: 'high',
    edit: yamlEdit(ROOT_APP, ['spec', 'syncPolicy', 'automated', 'prune'], () => true),
  },
  { flag: "production's sync window removed", rule: 'argocd-sync-window-removed', level: 'high', edit: yamlEdit(PROJECT, ['spec', 'syncWindows'], () => []) },
  {
    flag: 'a Kyverno rule moved to Audit in production',
    rule: 'kyverno-towards-audit',
    level: 'high',
    edit: (estate) => editFile(estate, REQUIRE_LABELS, (text) => text.replace(/failureAction: Enforce/g, 'failureAction: Audit')),
  },
  {
    flag: 'a Kyverno policy removed from production',
    rule: 'kyverno-policy-or-rule-removed',
    level: 'high',
    edit: (estate) =>
      editFile(
        withoutFiles(estate, (p) => p === REQUIRE_LABELS),
        'dist/k8s/live/policies/kustomization.yaml',
        (text) => text.replace('  - clusterpolicy-require-labels.yaml\n', ''),
      ),
  },
  {
    flag: 'a failure policy from Fail to Ignore',
    rule: 'kyverno-fail-open',
    level: 'high',
    edit: (estate) => editFile(estate, REQUIRE_LABELS, (text) => text.replace('failurePolicy: Fail', 'failurePolicy: Ignore')),
  },
  {
    flag: 'a policy exception granted in production',
    rule: 'kyverno-exception-granted',
    level: 'high',
    edit: () => withException,
  },
  {
    flag: 'the AppProject opened to every repository',
    rule: 'argocd-project-widened',
    level: 'high',
    edit: yamlEdit(PROJECT, ['spec', 'sourceRepos'], (repos) => [...(repos as string[]), '*']),
  },
  {
    flag: 'an Argo CD RBAC grant widened',
    rule: 'rbac-grant-widened',
    level: 'high',
    edit: (estate) =>
      editFile(estate, 'dist/k8s/live/argocd-config/configmap-argocd-rbac-cm.yaml', (text) =>
        text.replace(
          '    g, fixture-viewers, proj:platform:read-only\n',
          '    g, fixture-viewers, proj:platform:read-only\n    p, proj:platform:read-only, applications, sync, platform/*, allow\n',
        ),
      ),
  },
  {
    flag: 'a Secret with data committed',
    rule: 'secret-with-data',
    level: 'high',
    // Listed in the folder's kustomization, as Argo CD applies only what it lists.
    edit: (estate) =>
      editFile(
        {
          ...estate,
          'dist/k8s/live/config/secret-database.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: database\n  namespace: payments\ndata:\n  password: aHVudGVyMg==\n',
        },
        'dist/k8s/live/config/kustomization.yaml',
        (text) => `${text}  - secret-database.yaml\n`,
      ),
  },
  {
    flag: 'a chart moved a major version in production',
    rule: 'chart-version-risky',
    level: 'high',
    edit: (estate) => editFile(estate, 'dist/k8s/live/addons/applicationset-kyverno.yaml', (text) => text.replace('targetRevision: 3.9.1', 'targetRevision: 4.0.0')),
  },
  {
    flag: 'a cluster removed from production',
    rule: 'cluster-added-or-removed',
    level: 'high',
    edit: (estate) => withoutFiles(estate, (p) => p === 'dist/k8s/live/clusters/secret-cluster-live-eks-eun1.yaml'),
  },
  {
    flag: 'a state bucket resource destroyed',
    rule: 'terraform-resource-destroyed',
    level: 'high',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => withoutBlock(text, 'resource "aws_s3_bucket_lifecycle_configuration" "lifecycle"')),
  },
  {
    flag: 'the state bucket replaced (its name changed)',
    rule: 'terraform-resource-replaced',
    level: 'high',
    edit: (estate) =>
      editFile(estate, FOUNDATION, (text) =>
        inBlock(text, 'resource "aws_s3_bucket" "bucket"', (b) => b.replace('fixtureco-tfstate-live-111122223333', 'fixtureco-state-live-111122223333')),
      ),
  },
  {
    flag: "the state bucket's versioning suspended",
    rule: 'terraform-storage-weakened',
    level: 'high',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => inBlock(text, 'resource "aws_s3_bucket_versioning" "versioning"', (b) => b.replace('"Enabled"', '"Suspended"'))),
  },
  {
    flag: 'state encryption switched off in the backend',
    rule: 'terraform-storage-weakened',
    level: 'high',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => text.replace(/encrypt {6}= true/, 'encrypt      = false')),
  },
  {
    flag: 'an IAM policy widened to every action',
    rule: 'terraform-iam-widened',
    level: 'high',
    edit: (estate) =>
      editFile(estate, FOUNDATION, (text) => inBlock(text, 'data "aws_iam_policy_document" "break-glass-permissions"', (b) => b.replace('"eks:DescribeCluster"', '"eks:*"'))),
  },
  {
    flag: 'the production budget lowered',
    rule: 'terraform-budget-lowered-or-removed',
    level: 'medium',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => text.replace('limit_amount = "10000"', 'limit_amount = "100"')),
  },
  {
    flag: 'a production cluster destroyed',
    rule: 'terraform-cluster-added-or-removed',
    level: 'high',
    edit: (estate) => editFile(estate, 'dist/terraform/live/aws-cluster-live-eks-eun1/main.tf', (text) => withoutBlock(text, 'resource "aws_eks_cluster" "cluster"')),
  },
  {
    flag: 'a chart downgraded in production',
    rule: 'chart-version-risky',
    level: 'high',
    edit: (estate) => editFile(estate, 'dist/k8s/live/addons/applicationset-kyverno.yaml', (text) => text.replace('targetRevision: 3.9.1', 'targetRevision: 3.8.0')),
  },
  {
    flag: "the state bucket's public-access block opened",
    rule: 'terraform-storage-weakened',
    level: 'high',
    edit: (estate) =>
      editFile(estate, FOUNDATION, (text) =>
        inBlock(text, 'resource "aws_s3_bucket_public_access_block" "public-access"', (b) => b.replace('block_public_policy     = true', 'block_public_policy     = false')),
      ),
  },
  {
    flag: "the state bucket's TLS-only policy removed",
    rule: 'terraform-storage-weakened',
    level: 'high',
    edit: (estate) =>
      editFile(estate, FOUNDATION, (text) => inBlock(text, 'data "aws_iam_policy_document" "policy-document"', (b) => withoutStatement(b, 'DenyInsecureTransport'))),
  },
  {
    flag: 'state locking switched off',
    rule: 'terraform-storage-weakened',
    level: 'high',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => text.replace(/use_lockfile = true/, 'use_lockfile = false')),
  },
  {
    flag: 'an OIDC trust widened to every service account',
    rule: 'terraform-iam-widened',
    level: 'high',
    edit: (estate) =>
      editFile(estate, 'dist/terraform/live/aws-cluster-live-eks-eun1/main.tf', (text) =>
        inBlock(text, 'data "aws_iam_policy_document" "cluster-autoscaler-trust"', (b) =>
          b.replace(
            '      test = "StringEquals"\n      values = [\n        "system:serviceaccount:kube-system:cluster-autoscaler"',
            '      test = "StringLike"\n      values = [\n        "system:serviceaccount:*"',
          ),
        ),
      ),
  },
  {
    flag: 'the production budget removed',
    rule: 'terraform-budget-lowered-or-removed',
    level: 'high',
    edit: (estate) => editFile(estate, FOUNDATION, (text) => withoutBlock(text, 'resource "aws_budgets_budget" "budget-monthly"')),
  },
  {
    flag: 'a compliance result newly failing',
    rule: 'compliance-newly-failing',
    level: 'high',
    edit: resultsEdit((results) => Object.assign(passingResult(results), { status: 'fail', field: 'x', value: 'y', problem: 'broken', fix: 'mend it' })),
  },
  {
    flag: 'a compliance result newly suppressed',
    rule: 'compliance-newly-suppressed',
    level: 'high',
    edit: resultsEdit((results) => Object.assign(passingResult(results), { status: 'suppressed', suppression: { reason: 'PLAT-1: vendor fix pending', expires: '2027-03-01' } })),
  },
];

describe('each risk flag, on a pair of revisions of the synthesized estate', () => {
  const repository = new EstateRepository();
  let estate: DistTree;
  let main: string;

  beforeAll(async () => {
    [estate, withException] = await Promise.all([
      synthesizedDist([lab, stage, live]),
      synthesizedDist([lab, stage, live], [fixtureException(['live'], { expires: '2027-06-30' })]),
    ]);
    main = repository.commit(estate, 'the estate');
  });
  afterAll(() => repository.remove());

  it('flags a policy exception extended in production (a later expiry)', async () => {
    const granted = repository.commitOnto(main, estate, withException, 'an exception');
    const later = (text: string) => text.replace(/2027-06-30/g, '2027-12-31');
    const exception = Object.keys(withException).find((p) => p.startsWith('dist/k8s/live/') && p.includes('/policyexception-'));
    if (exception === undefined) throw new Error('the synthesized exception is not in live');
    const extended = repository.commitOnto(granted, withException, editFile(withException, exception, later), 'the exception extended');
    const run = await runDiff(repository.dir, { ...OPTIONS, base: granted, head: extended });
    expect(run.report.flags.filter((f) => f.rule === 'kyverno-exception-granted').map((f) => [f.level, f.environment])).toContainEqual(['high', 'live']);
    expect(run.exitCode).toBe(3);
  });

  it.each(CASES)('flags $flag ($rule, $level)', async ({ flag, rule, level, edit }) => {
    const head = repository.commitOnto(main, estate, await edit(estate), flag);
    const run = await runDiff(repository.dir, { ...OPTIONS, base: main, head });
    const flags = run.report.flags.filter((f) => f.rule === rule);
    expect(flags.map((f) => f.level)).toContain(level);
    expect(flags.every((f) => f.environment === 'live')).toBe(true);
    // --fail-on high fails exactly when a high flag is present.
    expect(run.exitCode).toBe(run.report.flags.some((f) => f.level === 'high') ? 3 : 0);
  });
});
