import { synthesize } from '../../apps/synth/synthesize';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import { refusalEntries } from '../../constructs/rules/refusal-entries';
import type { RuleResult } from '../../constructs/rules/result';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const CONTROLS = { soc2: ['CC8.1'], pciDss: [], iso27001: ['A.8.32'], gdpr: [] };

/** A failing result of k8s-prod-no-auto-prune on the Application at `path`. */
function pruning(name: string, path: string, environment = 'live'): RuleResult {
  return {
    environment,
    engine: 'kubernetes',
    unit: 'addons',
    resource: `Application/argocd/${name}`,
    path,
    rule: 'k8s-prod-no-auto-prune',
    level: 'error',
    status: 'fail',
    field: 'spec.syncPolicy.automated.prune',
    value: 'true',
    problem: `${environment} is a production environment and forbids auto-prune`,
    fix: 'set sync.prune: false in the environment spec; prune by hand after review',
    controls: CONTROLS,
  };
}

describe('refusalEntries', () => {
  it('renders the same problem on several objects as one entry naming the rule, the count and every path', () => {
    expect(refusalEntries([pruning('a', 'live/addons/a/Resource'), pruning('b', 'live/addons/b/Resource')])).toEqual([
      'live: k8s-prod-no-auto-prune: 2 objects (live/addons/a/Resource, live/addons/b/Resource): spec.syncPolicy.automated.prune is true; live is a production environment and forbids auto-prune (fix: set sync.prune: false in the environment spec; prune by hand after review)',
    ]);
  });

  it('keeps a problem alone as its violation line, with the object and the rule', () => {
    expect(refusalEntries([pruning('a', 'live/addons/a/Resource')])).toEqual([
      'live: live/addons/a/Resource: spec.syncPolicy.automated.prune is true; Application/argocd/a: live is a production environment and forbids auto-prune [k8s-prod-no-auto-prune] (fix: set sync.prune: false in the environment spec; prune by hand after review)',
    ]);
  });

  it('keeps apart what differs in environment, field, value, problem or fix, in the order of the first result of each', () => {
    const a = pruning('a', 'live/addons/a/Resource');
    const entries = refusalEntries([
      a,
      pruning('a', 'prod/addons/a/Resource', 'prod'),
      { ...a, path: 'live/addons/set/Resource', field: 'spec.template.spec.syncPolicy.automated.prune' },
      { ...a, path: 'live/addons/c/Resource', value: '"true"' },
      { ...a, path: 'live/addons/d/Resource', problem: 'another problem' },
      { ...a, path: 'live/addons/e/Resource', fix: 'another fix' },
      pruning('f', 'live/addons/f/Resource'),
    ]);
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatch(/^live: k8s-prod-no-auto-prune: 2 objects \(live\/addons\/a\/Resource, live\/addons\/f\/Resource\): /);
    expect(entries.slice(1).map((e) => e.split(':')[0])).toEqual(['prod', 'live', 'live', 'live', 'live']);
  });
});

describe('a refusal of a production spec that asks for auto-prune', () => {
  let refusal: SynthRefusedError;
  beforeAll(async () => {
    const [lab, stage, live] = fixtureEstate() as [EnvironmentSpec, EnvironmentSpec, EnvironmentSpec];
    const pruningLive: EnvironmentSpec = { ...live, sync: { ...live.sync, prune: true } };
    const error = await synthesize([pruningLive], [lab, stage, pruningLive], { today: '2026-12-03', exceptions: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthRefusedError);
    refusal = error as SynthRefusedError;
  }, 60_000);

  it('keeps one result per object, and renders one entry per field the problem is at, with the right count and paths', () => {
    const pruned = refusal.results.filter((r) => r.rule === 'k8s-prod-no-auto-prune');
    const fields = [...new Set(pruned.map((r) => r.field))];
    expect(pruned.length).toBeGreaterThan(fields.length);
    const lines = refusal.message.split('\n').slice(1);
    const entries = lines.filter((line) => line.startsWith('  - live: k8s-prod-no-auto-prune: '));
    expect(entries).toHaveLength(fields.length);
    for (const field of fields) {
      const objects = pruned.filter((r) => r.field === field);
      const entry = entries.find((line) => line.includes(`): ${field} is true; `));
      expect(entry).toContain(`: ${objects.length} objects (${objects.map((r) => r.path).join(', ')}): `);
      expect(entry).toMatch(/live is a production environment and forbids auto-prune \(fix: set sync\.prune: false in the environment spec; prune by hand after review\)$/);
    }
    // Applications and ApplicationSets carry the flag at different fields.
    expect(fields.sort()).toEqual(['spec.syncPolicy.automated.prune', 'spec.template.spec.syncPolicy.automated.prune']);
    expect(lines).toHaveLength(refusal.results.length - pruned.length + fields.length);
  });
});
