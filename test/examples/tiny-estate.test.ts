import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupStoreRetention, evaluateKubernetesRules, evaluateTerraformRules, packFor, renderStack, ruleCatalogue, standardTags } from 'gitops-cdk';
import * as ts from 'typescript';
import { REQUIRE_TEAM_LABEL, TERRAFORM_ENVIRONMENT, tinyEstate } from '../../examples/tiny-estate/estate';

// The example of using the library from another repository: a tiny estate of another organisation
// built from the package entry point only (examples/tiny-estate), synthesized here as its own
// repository would, and checked by the library's own rules.

const EXAMPLE = join(__dirname, '../../examples/tiny-estate/estate.ts');
const TODAY = '2026-12-03';

type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; spec?: Record<string, unknown> };

describe('examples/tiny-estate', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'tiny-estate-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const estate = tinyEstate(outdir);
  const manifests = estate.platform.toJson() as Manifest[];
  const byKind = (kind: string): Manifest[] => manifests.filter((m) => m.kind === kind);

  it('imports nothing but the gitops-cdk entry point and upstream packages', () => {
    const source = ts.createSourceFile(EXAMPLE, readFileSync(EXAMPLE, 'utf8'), ts.ScriptTarget.Latest);
    const specifiers = source.statements.filter(ts.isImportDeclaration).map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
    expect(specifiers).toContain('gitops-cdk');
    expect(specifiers.filter((s) => s.startsWith('.'))).toEqual([]);
  });

  it("renders its Argo CD project, application and cluster registration with its own organisation's values", () => {
    expect(byKind('AppProject').map((p) => p.metadata.name)).toEqual(['shop']);
    const [application] = byKind('Application');
    expect(application?.spec).toMatchObject({
      project: 'shop',
      source: { repoURL: 'https://github.com/examplecorp/shop-gitops.git', targetRevision: 'v1.4.0', path: 'deploy/cart' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'shop' },
    });
    expect(application?.spec).toMatchObject({ syncPolicy: { automated: { prune: false } } });
    expect(byKind('Secret').map((s) => s.metadata.name)).toEqual(['cluster-shop-prod-eks']);
  });

  it('renders its own policy enforced, and its own alert', () => {
    const [policy] = byKind('ClusterPolicy');
    expect(policy?.metadata.name).toBe(REQUIRE_TEAM_LABEL.name);
    expect(policy?.spec).toMatchObject({ webhookConfiguration: { failurePolicy: 'Fail' }, rules: [{ name: 'deployment-has-team', validate: { failureAction: 'Enforce' } }] });
    const [rules] = byKind('PrometheusRule');
    expect(JSON.stringify(rules?.spec)).toContain('CheckoutErrorsHigh');
  });

  it("passes the production pack's Kubernetes rules", () => {
    const pack = packFor('production');
    const results = evaluateKubernetesRules(estate.platform, {
      environment: { name: TERRAFORM_ENVIRONMENT.name, tier: 'production' },
      rules: pack.kubernetes,
      knownRules: new Set(ruleCatalogue().map((entry) => entry.id)),
      today: TODAY,
    });
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
  });

  it('renders its AWS foundation with state named after its own organisation prefix, and passes the Terraform rules of the production pack', async () => {
    const rendered = await renderStack(estate.foundation, TERRAFORM_ENVIRONMENT.name);
    expect(rendered.violations).toEqual([]);
    expect(rendered.hcl).toMatch(/bucket\s+= "examplecorp-tfstate-shop-prod-444455556666"/);
    expect(rendered.hcl).not.toMatch(/acme/);
    const pack = packFor('production');
    const results = evaluateTerraformRules(
      {
        name: TERRAFORM_ENVIRONMENT.name,
        tier: 'production',
        tags: standardTags(TERRAFORM_ENVIRONMENT),
        infrastructure: TERRAFORM_ENVIRONMENT.infrastructure,
        clusters: TERRAFORM_ENVIRONMENT.clusters,
        backupStores: backupStoreRetention(TERRAFORM_ENVIRONMENT),
      },
      [{ name: 'aws-foundation', stack: estate.foundation, dependsOn: [] }],
      TODAY,
      pack.terraform,
    );
    expect(results.filter((r) => r.status === 'pass').length).toBeGreaterThan(10);
    expect(results.filter((r) => r.status === 'fail').map((r) => `${r.rule} ${r.resource}`)).toEqual([]);
  });
});
