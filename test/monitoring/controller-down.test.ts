import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { monitoringProps } from '../../apps/assembly/monitoring-domains';
import type { AlertDefinition } from '../../constructs/monitoring/alert-definition';
import { argoCdMonitoring } from '../../constructs/monitoring/domains/argocd';
import { controllerDownAlert } from '../../constructs/monitoring/domains/controller-down';
import { PrometheusRules } from '../../constructs/monitoring/prometheus-rules';
import { promtoolSuite } from '../../constructs/monitoring/promtool-suite';
import { ARGO_CD_ADDON, ARGO_CD_CONTROLLER_SHARDS } from '../../constructs/platform/addons/argo-cd';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

const GATE = 'kube_namespace_created{namespace="argocd"}';
const JOB = 'argo-cd-argocd-application-controller-metrics';

function shardedAlert(shards: number | undefined): AlertDefinition {
  return controllerDownAlert({
    name: 'ArgoCdControllerDown',
    controller: 'Argo CD application controller',
    jobs: [JOB],
    severity: 'critical',
    impact: 'Nothing is reconciled on its clusters.',
    onlyWhere: GATE,
    ...(shards === undefined ? {} : { shards }),
  });
}

/**
 * Runs promtool's unit tests of `alert`'s cases (what Prometheus really evaluates, not the
 * expression's text): promtool's report of the failing tests, empty when all pass.
 */
function promtoolFailures(alert: AlertDefinition): string {
  const dir = mkdtempSync(join(tmpdir(), 'controller-down-'));
  try {
    const rules = new PrometheusRules(new Chart(Testing.app(), 'rules'), 'rules', {
      domain: { name: 'argocd', recordings: [], alerts: [alert] },
      runbookUrl: (a) => `https://example.org/#${a}`,
    });
    for (const [file, text] of promtoolSuite(rules)) writeFileSync(join(dir, file), text);
    const result = spawnSync('promtool', ['test', 'rules', 'tests.yaml'], { cwd: dir, encoding: 'utf8' });
    if (result.error !== undefined) throw new Error(`promtool is needed (Debian package prometheus): ${result.error.message}`);
    return result.status === 0 ? '' : `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('controllerDownAlert with shards', () => {
  it('fires when one of two shards is down or gone while the other is up, and stays quiet with both up (promtool)', () => {
    const alert = shardedAlert(2);
    expect(alert.expr).toBe(`(count(up{job=~"${JOB}"} == 1) or vector(0)) < 2 and on () ${GATE}`);
    expect([alert.cases.fires, ...(alert.cases.alsoFires ?? [])].map((c) => c.description)).toEqual([
      'shard 2 of 2 is down, the others are up',
      'shard 2 of 2 is gone (no target), the others are up',
    ]);
    expect(promtoolFailures(alert)).toBe('');
  });

  it('would not fire on a lost shard without `shards`: one replica up silences absent()', () => {
    const interchangeable = shardedAlert(undefined);
    const sharded = shardedAlert(2);
    // The sharded alert's firing case, evaluated by the interchangeable-replicas rule, must fail.
    const swapped: AlertDefinition = { ...interchangeable, cases: { ...interchangeable.cases, fires: sharded.cases.fires } };
    expect(promtoolFailures(swapped)).toContain('ArgoCdControllerDown');
  });

  it('refuses a shard count that is not a whole number of at least one', () => {
    expect(() => shardedAlert(0)).toThrow('ArgoCdControllerDown: shards must be a whole number of at least 1, got 0');
  });
});

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('ArgoCdControllerDown in %s', (_name, spec) => {
  it('expects as many controller targets as the argo-cd values give the controller replicas (shards)', () => {
    const replicas = (ARGO_CD_ADDON.values(spec) as { controller: { replicas: number } }).controller.replicas;
    expect(replicas).toBe(ARGO_CD_CONTROLLER_SHARDS);
    const alert = argoCdMonitoring(monitoringProps(spec)).alerts.find((a) => a.name === 'ArgoCdControllerDown')!;
    expect(alert.expr).toContain(`< ${replicas} and on () ${GATE}`);
    expect(promtoolFailures(alert)).toBe('');
  });
});
