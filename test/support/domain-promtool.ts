import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import type { MonitoringDomain } from '../../constructs/monitoring/alert-definition';
import { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../constructs/monitoring/promtool-suite';

/**
 * promtool's report on a domain's rule file and unit tests (every case of every alert and
 * recording), as CI runs them (`promtool check rules`, then `promtool test rules`), in a temp
 * folder it removes: empty when all pass.
 */
export function domainPromtoolFailures(domain: MonitoringDomain): string {
  const dir = mkdtempSync(join(tmpdir(), `${domain.name}-promtool-`));
  try {
    const rules = new PrometheusRules(new Chart(Testing.app(), 'rules'), 'rules', { domain, runbookUrl: (a) => `https://example.org/#${a}` });
    for (const [file, text] of promtoolSuite(rules)) writeFileSync(join(dir, file), text);
    for (const args of [
      ['check', 'rules', 'rules.yaml'],
      ['test', 'rules', 'tests.yaml'],
    ]) {
      const result = spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });
      if (result.error !== undefined) throw new Error(`promtool is needed (Debian package prometheus): ${result.error.message}`);
      if (result.status !== 0) return `${result.stdout}${result.stderr}`;
    }
    return '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
