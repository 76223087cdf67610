import { ENVIRONMENTS } from '../../environments';
import { GITOPS_REPO_URL } from '../../environments/shared';
import { fleetViolations } from '../environments/spec-violations';

/**
 * The inventory of the example estate (environments/), pinned on purpose: the one test that changes
 * when an environment or a cluster is added, moved or renamed, or the organisation is renamed. Every
 * other test builds its own specs (test/support/fixture-environment.ts). Update this file together
 * with the estate.
 */
describe('the example estate', () => {
  it('has dev, staging and prod, in promotion order, one per tier', () => {
    expect(ENVIRONMENTS.map((spec) => [spec.name, spec.tier, spec.promotesFrom])).toEqual([
      ['dev', 'development', undefined],
      ['staging', 'staging', 'dev'],
      ['prod', 'production', 'staging'],
    ]);
  });

  it('runs these clusters, one management cluster per environment', () => {
    expect(Object.fromEntries(ENVIRONMENTS.map((spec) => [spec.name, spec.clusters.map((c) => `${c.role} ${c.cloud} ${c.region} ${c.name}`)]))).toEqual({
      dev: ['management azure westeurope dev-aks-weu', 'workload gcp europe-west1 dev-gke-euw1'],
      staging: ['management aws eu-west-1 staging-eks-euw1'],
      prod: ['management aws eu-west-1 prod-eks-euw1', 'workload aws eu-central-1 prod-eks-euc1'],
    });
  });

  it('belongs to the acme organisation and is read by Argo CD from its repository', () => {
    expect(GITOPS_REPO_URL).toBe('https://github.com/acme/platform-gitops.git');
    for (const spec of ENVIRONMENTS) expect(spec.gitops.repoUrl).toBe(GITOPS_REPO_URL);
  });

  // Moved from test/environments/validate-identity.test.ts, whose spec-rule tests use fixtures.
  it('passes the spec and fleet rules with zero violations', () => {
    expect(fleetViolations(ENVIRONMENTS)).toEqual([]);
  });

  // Moved from test/platform/observability-addons.test.ts: a property of the estate's pins, not of the add-ons.
  it('runs the same Fluent Bit and Tempo chart versions in every environment', () => {
    for (const key of ['fluentBit', 'tempo'] as const) {
      expect(new Set(ENVIRONMENTS.map((spec) => spec.charts[key])).size).toBe(1);
    }
  });

  // Moved from test/terraform/aws/monthly-budget.test.ts: a property of the estate's accounts. The
  // AWS budget is unfiltered, so sharing an account would add another environment's spend.
  it('gives every environment with AWS an account of its own, which the monthly budget relies on', () => {
    const accounts = ENVIRONMENTS.flatMap((spec) => (spec.clouds.aws === undefined ? [] : [spec.clouds.aws.accountId]));
    expect(accounts.length).toBeGreaterThan(0);
    expect(new Set(accounts).size).toBe(accounts.length);
  });
});
