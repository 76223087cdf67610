import { readdirSync } from 'node:fs';
import { FLEET_RULES, SPEC_RULES } from '../../apps/spec/rules';
import { specExceptionEnvironments } from '../../apps/spec/rules/spec-exception-environments';
import { specKubernetesSupport } from '../../apps/spec/rules/spec-kubernetes-support';
import { specShape } from '../../apps/spec/rules/spec-shape';

// The support calendar rules depend on the day and the exception rule on the exceptions granted,
// so they are made per synth rather than listed; the shape rule runs before the listed ones.
const DATED_RULES = specKubernetesSupport('2026-01-01');
const EXCEPTION_RULE = specExceptionEnvironments([]);
const RULES = [specShape, ...SPEC_RULES, ...DATED_RULES, ...FLEET_RULES, EXCEPTION_RULE];
const RULE_FILES = readdirSync('apps/spec/rules')
  .filter((file) => file.startsWith('spec-') && file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('the spec and fleet rules', () => {
  it('list every rule file exactly once, each under its own id', () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...RULE_FILES, 'spec-kubernetes-support-ending'].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s states its title, rationale, level and controls', (_id, rule) => {
    expect(rule.id).toMatch(/^spec-[a-z0-9-]+$/);
    expect(rule.engine).toBe([...FLEET_RULES, EXCEPTION_RULE].some((r) => r.id === rule.id) ? 'fleet' : 'spec');
    expect(['error', 'warning']).toContain(rule.level);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(40);
    expect(Object.keys(rule.controls).sort()).toEqual(['gdpr', 'iso27001', 'pciDss', 'soc2']);
  });
});
