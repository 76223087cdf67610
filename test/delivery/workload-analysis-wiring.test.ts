import type { Tier } from '../../constructs/core/tier';
import { fixtureWorkload } from '../support/fixture-workload';
import { manifestOfKind, renderWorkload } from './render-workload';

/** Every template name a Rollout's analysis refers to: canary steps, background analysis, blue-green pre and post promotion. */
function referencedTemplates(rollout: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'templateName' && typeof v === 'string') names.push(v);
        else visit(v);
      }
    }
  };
  visit(rollout.spec);
  return [...new Set(names)];
}

describe("a delivered workload's folder holds the AnalysisTemplate its Rollout names", () => {
  it.each<[Tier, 'canary' | 'blueGreen']>([
    ['staging', 'canary'],
    ['production', 'canary'],
    ['production', 'blueGreen'],
  ])('%s %s: every template the Rollout refers to is rendered beside it, in its namespace', (tier, strategy) => {
    const workload = fixtureWorkload({ strategy });
    const { manifests } = renderWorkload(tier, workload);
    const referenced = referencedTemplates(manifestOfKind(manifests, 'Rollout'));
    expect(referenced.length).toBeGreaterThan(0);
    for (const name of referenced) expect(manifestOfKind(manifests, 'AnalysisTemplate', name).metadata.namespace).toBe(workload.namespace);
  });
});
