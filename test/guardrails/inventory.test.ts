import { KUBERNETES_GUARDRAILS } from '../../constructs/guardrails';
import { ALL_TIERS } from '../../constructs/guardrails/guardrail';
import { runGuardrails } from '../../constructs/guardrails/run-guardrails';
import { ENVIRONMENTS } from '../../environments';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Tier } from '../../environments/types';
import { objectsOf } from '../platform/render-environment';

// The inventory of STYLE.md: which guardrails each tier runs. Adding, removing or re-tiering a
// guardrail changes this table on purpose, in the same commit.
const INVENTORY: Readonly<Record<Tier, readonly string[]>> = {
  development: ['no-default-project', 'explicit-project-scope', 'no-plaintext-secrets'],
  staging: ['no-default-project', 'explicit-project-scope', 'no-plaintext-secrets'],
  production: [
    'prod-no-auto-prune',
    'no-default-project',
    'prod-pinned-revisions',
    'explicit-project-scope',
    'no-plaintext-secrets',
    'prod-enforce-policies',
    'prod-fail-closed',
    'prod-exception-expiry',
  ],
};

const RULES_DIR = join(__dirname, '../../constructs/guardrails/rules');

describe('guardrail inventory', () => {
  it.each(ALL_TIERS.map((tier) => [tier] as const))('pins the guardrails %s runs', (tier) => {
    expect(KUBERNETES_GUARDRAILS.filter((g) => g.tiers.includes(tier)).map((g) => g.id)).toEqual(INVENTORY[tier]);
  });

  it('registers every rule file under constructs/guardrails/rules, under its file name, with a test file', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(KUBERNETES_GUARDRAILS.map((g) => g.id).sort()).toEqual(files.sort());
    const tests = readdirSync(__dirname).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
    expect(tests).toEqual(expect.arrayContaining(files));
  });

  it('gives every guardrail a unique id and a description', () => {
    const ids = KUBERNETES_GUARDRAILS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const guardrail of KUBERNETES_GUARDRAILS) expect(guardrail.description.length).toBeGreaterThan(20);
  });

  it('finds no violation in the rendered objects of any environment', () => {
    for (const spec of ENVIRONMENTS) expect(runGuardrails(KUBERNETES_GUARDRAILS, objectsOf(spec), spec)).toEqual([]);
  });

  it('runs only the guardrails of the environment tier (prod rules stay silent in dev)', () => {
    const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
    const pruning = {
      constructPath: 'dev/root/root/Resource',
      manifest: {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'dev-root' },
        spec: { project: 'platform', source: { repoURL: 'https://x', path: '.', targetRevision: 'main' }, syncPolicy: { automated: { prune: true } } },
      },
    };
    expect(runGuardrails(KUBERNETES_GUARDRAILS, [pruning], dev)).toEqual([]);
    const asProd = { ...dev, tier: 'production' as const };
    expect(runGuardrails(KUBERNETES_GUARDRAILS, [pruning], asProd).map((v) => v.problem.match(/\[(.+)\]$/)?.[1])).toEqual([
      'prod-no-auto-prune',
      'prod-pinned-revisions',
    ]);
  });
});
