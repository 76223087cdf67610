import type { Tier } from '../../constructs/core/tier';
import { ruleCatalogue, tiersOf } from '../../constructs/rules/catalogue';
import { k8sProdNoAutoPrune } from '../../constructs/rules/kubernetes/k8s-prod-no-auto-prune';
import { PACKS, packFor } from '../../constructs/rules/packs';
import { tfStateReplication } from '../../constructs/rules/terraform/tf-state-replication';
import { dev } from './fixtures';
import { rendered, runRules } from './kubernetes/fixtures';

const TIERS: readonly Tier[] = ['development', 'staging', 'production'];
const ids = (tier: Tier) => {
  const pack = packFor(tier);
  return [...pack.kubernetes, ...pack.terraform, ...pack.estate].map((r) => r.id);
};

describe('packs per tier', () => {
  it('has one pack per tier, naming its tier, with rules of every kind', () => {
    for (const tier of TIERS) {
      expect(PACKS[tier].tier).toBe(tier);
      expect(PACKS[tier].kubernetes.length).toBeGreaterThan(0);
      expect(PACKS[tier].terraform.length).toBeGreaterThan(0);
      expect(PACKS[tier].estate.length).toBeGreaterThan(0);
    }
  });

  it('lists each rule once per pack', () => {
    for (const tier of TIERS) expect(new Set(ids(tier)).size).toBe(ids(tier).length);
  });

  it('runs in production everything development and staging run, and more', () => {
    expect(ids('production')).toEqual(expect.arrayContaining(ids('development')));
    expect(ids('production')).toEqual(expect.arrayContaining(ids('staging')));
    expect(ids('production').length).toBeGreaterThan(ids('staging').length);
  });

  it('decides where a rule runs: the catalogue tiers come from the packs', () => {
    expect(tiersOf(k8sProdNoAutoPrune)).toEqual(['production']);
    expect(tiersOf(tfStateReplication)).toEqual(['production']);
    expect(ruleCatalogue().find((r) => r.id === 'k8s-namespace-pod-security')?.tiers).toBe('all');
    expect(ruleCatalogue().find((r) => r.id === 'k8s-prod-kyverno-enforce')?.tiers).toEqual(['production']);
  });

  it('runs only the rules of the environment tier (production rules stay silent in dev)', () => {
    const pruning = rendered('dev/root/root/Resource', {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'dev-root' },
      spec: { project: 'platform', source: { repoURL: 'https://x', path: '.', targetRevision: 'main' }, syncPolicy: { automated: { prune: true } } },
    });
    const all = [...new Set(TIERS.flatMap((t) => packFor(t).kubernetes))];
    expect(runRules(all, [pruning], dev).filter((r) => r.status === 'fail')).toEqual([]);
    const asProd = { ...dev, tier: 'production' as const };
    expect(
      runRules(all, [pruning], asProd)
        .filter((r) => r.status === 'fail')
        .map((r) => r.rule),
    ).toEqual(['k8s-prod-no-auto-prune', 'k8s-prod-pinned-revisions']);
  });
});
