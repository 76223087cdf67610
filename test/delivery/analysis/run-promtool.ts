import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { PromtoolTest, RuleGroup } from '../../../constructs/monitoring/types';

/**
 * Runs `promtool test rules` on `tests` (with `groups` as the rule file, possibly empty) in a temp
 * folder it removes: promtool's report of the failing tests, empty when all pass.
 */
export function promtoolFailures(tests: readonly PromtoolTest[], groups: readonly RuleGroup[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yaml'), stringify({ groups }));
    writeFileSync(join(dir, 'tests.yaml'), stringify({ rule_files: ['rules.yaml'], evaluation_interval: '1m', tests }));
    const result = spawnSync('promtool', ['test', 'rules', 'tests.yaml'], { cwd: dir, encoding: 'utf8' });
    if (result.error !== undefined) throw new Error(`promtool is needed (Debian package prometheus): ${result.error.message}`);
    return result.status === 0 ? '' : `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
