import { readdirSync } from 'node:fs';
import { FLEET_RULES, SPEC_RULES } from '../../apps/spec/rules';

const RULES = [...SPEC_RULES, ...FLEET_RULES];
const RULE_FILES = readdirSync('apps/spec/rules')
  .filter((file) => file.startsWith('spec-') && file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('the spec and fleet rules', () => {
  it('list every rule file exactly once, each under its own id', () => {
    expect(RULES.map((rule) => rule.id).sort()).toEqual([...RULE_FILES].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s states its title, rationale, level and controls', (_id, rule) => {
    expect(rule.id).toMatch(/^spec-[a-z0-9-]+$/);
    expect(rule.engine).toBe(SPEC_RULES.some((r) => r.id === rule.id) ? 'spec' : 'fleet');
    expect(['error', 'warning']).toContain(rule.level);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(40);
    expect(Object.keys(rule.controls).sort()).toEqual(['gdpr', 'iso27001', 'pciDss', 'soc2']);
  });
});
