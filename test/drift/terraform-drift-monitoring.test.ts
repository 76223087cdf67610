import { monitoringProps } from '../../apps/assembly/monitoring-domains';
import { argoDuration } from '../../constructs/argocd/argo-duration';
import { TERRAFORM_DRIFT_METRICS } from '../../constructs/drift/drift-check-contract';
import type { AlertDefinition } from '../../constructs/monitoring/alert-definition';
import { terraformDriftMonitoring } from '../../constructs/monitoring/domains/terraform-drift';
import { terraformStackNames } from '../../constructs/terraform/stack-names';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

const byName = (name: string): EnvironmentSpec => ENVIRONMENTS.find((spec) => spec.name === name)!;

function alertOf(spec: EnvironmentSpec, name: string): AlertDefinition {
  const alert = terraformDriftMonitoring(monitoringProps(spec)).alerts.find((a) => a.name === name);
  if (alert === undefined) throw new Error(`${spec.name} has no alert ${name}`);
  return alert;
}

/** Per environment: interval, then the windows that follow from it. */
const WINDOWS = [
  // env, severity of drift, drift `for` (interval + job deadline), failed `for` (job deadline),
  // silence (2 intervals) in seconds and as a range, not-run `for` (half an interval)
  ['lab', 'warning', '90m', '30m', 7200, '2h', '30m'],
  ['stage', 'warning', '1h', '30m', 3600, '1h', '15m'],
  ['live', 'critical', '30m', '15m', 1800, '30m', '450s'],
] as const;

describe.each(WINDOWS)('%s', (name, driftSeverity, driftFor, failedFor, silenceSeconds, silenceRange, notRunFor) => {
  const spec = byName(name);
  const domain = terraformDriftMonitoring(monitoringProps(spec));

  it('alerts on drift, a failing check and a check that does not report, and counts drifted stacks', () => {
    expect(domain.name).toBe('terraform-drift');
    expect(domain.alerts.map((a) => a.name)).toEqual(['TerraformDriftDetected', 'TerraformDriftCheckFailed', 'TerraformDriftCheckNotRun']);
    expect(domain.recordings.map((r) => [r.record, r.expr])).toEqual([
      ['gitops:terraform_drifted_stacks:count', 'count(max by (stack, cloud) (gitops_terraform_drift_detected) == 1) or vector(0)'],
    ]);
  });

  it(`pages on drift in production only (${driftSeverity} here), after two plans in a row found it (${driftFor})`, () => {
    const alert = alertOf(spec, 'TerraformDriftDetected');
    expect([alert.severity, argoDuration(alert.for), alert.expr]).toEqual([driftSeverity, driftFor, 'max by (stack, cloud) (gitops_terraform_drift_detected) == 1']);
  });

  it(`warns when a check still fails after its retry (${failedFor})`, () => {
    const alert = alertOf(spec, 'TerraformDriftCheckFailed');
    expect([alert.severity, argoDuration(alert.for), alert.expr]).toEqual(['warning', failedFor, 'min by (stack, cloud) (gitops_terraform_drift_check_success) == 0']);
  });

  it('warns when a stack has not reported for two and a half intervals, whether it reported before or never', () => {
    const alert = alertOf(spec, 'TerraformDriftCheckNotRun');
    expect([alert.severity, argoDuration(alert.for)]).toEqual(['warning', notRunFor]);
    const [stale, ...absent] = alert.expr.split('\nor\n');
    expect(stale).toBe(`(time() - max by (stack, cloud) (gitops_terraform_drift_check_last_run_timestamp_seconds) > ${silenceSeconds})`);
    // One clause per stack, each only where the stack's CronJob exists (the cluster that runs it).
    expect(absent).toEqual(
      terraformStackNames(spec).map(
        (stack) =>
          `(absent_over_time(gitops_terraform_drift_check_last_run_timestamp_seconds{stack="${stack.name}",cloud="${stack.cloud}"}[${silenceRange}]) ` +
          `and on () (time() - kube_cronjob_created{namespace="terraform-drift",cronjob="${stack.name}"} > ${silenceSeconds}))`,
      ),
    );
  });

  it('reads only the metrics the checks push', () => {
    const used = [...domain.alerts.map((a) => a.expr), ...domain.recordings.map((r) => r.expr)].join('\n').match(/gitops_terraform_\w+/g) ?? [];
    expect([...new Set(used)].sort()).toEqual(Object.values(TERRAFORM_DRIFT_METRICS).sort());
  });

  it('gives every alert a firing and a quiet promtool case on stacks of the environment', () => {
    const stacks = new Set(terraformStackNames(spec).map((s) => s.name));
    for (const alert of domain.alerts) {
      expect(alert.cases.fires.firing.length).toBeGreaterThan(0);
      expect(alert.cases.quiet.firing).toEqual([]);
      for (const labels of alert.cases.fires.firing) expect(stacks.has(labels.stack ?? '')).toBe(true);
    }
    // The not-run case covers both ways of going silent.
    expect(alertOf(spec, 'TerraformDriftCheckNotRun').cases.fires.firing).toHaveLength(2);
  });
});

describe('terraformDriftMonitoring', () => {
  it('has no alerts where no stack can be checked (no cluster on any cloud with an account)', () => {
    const dev = byName('lab');
    const domain = terraformDriftMonitoring(monitoringProps({ ...dev, clusters: [] }));
    expect([domain.alerts, domain.recordings]).toEqual([[], []]);
  });

  it('leaves out the stacks of a cloud without a cluster: they have no CronJob to wait for', () => {
    const dev = byName('lab');
    const azureOnly = { ...dev, clusters: dev.clusters.filter((c) => c.cloud === 'azure') };
    expect(alertOf(azureOnly, 'TerraformDriftCheckNotRun').expr).not.toContain('gcp-');
  });

  it('rejects an interval the checks cannot run at', () => {
    const dev = byName('lab');
    expect(() => terraformDriftMonitoring(monitoringProps({ ...dev, infrastructure: { ...dev.infrastructure, driftCheckIntervalMinutes: 45 } }))).toThrow(
      /^lab: infrastructure\.driftCheckIntervalMinutes is 45;/,
    );
  });
});
