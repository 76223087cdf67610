import { addonReleasesIn } from '../../apps/assembly/addon-releases';
import { monitoringProps } from '../../apps/assembly/monitoring-domains';
import { argoDuration } from '../../constructs/argocd/argo-duration';
import type { AlertDefinition } from '../../constructs/monitoring/alert-definition';
import { argoRolloutsMetricsJobs, deliveryMonitoring } from '../../constructs/monitoring/domains/delivery';
import { addonMetricsJobs, helmFullname, withObjectNamespace } from '../../constructs/monitoring/domains/scrape-jobs';
import { sealedSecretsMetricsJobs, secretsMonitoring } from '../../constructs/monitoring/domains/secrets';
import { ARGO_ROLLOUTS_ADDON } from '../../constructs/platform/addons/argo-rollouts';
import { SEALED_SECRETS_ADDON } from '../../constructs/platform/addons/sealed-secrets';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();
const [dev, staging, prod] = ENVIRONMENTS as [EnvironmentSpec, EnvironmentSpec, EnvironmentSpec];

function alertsOf(spec: EnvironmentSpec): AlertDefinition[] {
  return [...deliveryMonitoring(monitoringProps(spec)).alerts, ...secretsMonitoring(monitoringProps(spec)).alerts];
}

function alertNamed(spec: EnvironmentSpec, name: string): AlertDefinition {
  const alert = alertsOf(spec).find((a) => a.name === name);
  if (alert === undefined) throw new Error(`no alert ${name} in ${spec.name}`);
  return alert;
}

/** The regex of the `job=~"..."` matcher in `expr`, anchored as Prometheus anchors it. */
function jobRegex(expr: string): RegExp {
  const match = /job=~"([^"]+)"/.exec(expr);
  if (match?.[1] === undefined) throw new Error(`no job matcher in ${expr}`);
  return new RegExp(`^(?:${match[1]})$`);
}

describe('helmFullname (the charts’ standard fullname helper)', () => {
  it('uses fullnameOverride when it is set', () => {
    expect(helmFullname('lab-aks-neu-sealed-secrets', 'sealed-secrets', { fullnameOverride: 'sealed-secrets-controller' })).toBe('sealed-secrets-controller');
  });

  it('uses the release name alone when it already contains the chart name', () => {
    expect(helmFullname('lab-aks-neu-argo-rollouts', 'argo-rollouts', {})).toBe('lab-aks-neu-argo-rollouts');
  });

  it('appends the chart name, or nameOverride, to any other release name', () => {
    expect(helmFullname('platform', 'argo-rollouts', {})).toBe('platform-argo-rollouts');
    expect(helmFullname('platform', 'argo-rollouts', { nameOverride: 'rollouts' })).toBe('platform-rollouts');
  });

  it('cuts the name at 63 characters and trims a trailing dash', () => {
    expect(helmFullname(`${'a'.repeat(62)}-b`, 'b', {})).toBe('a'.repeat(62));
  });
});

describe('addonMetricsJobs', () => {
  it('names the job of a management-cluster add-on after the add-on, on that cluster only', () => {
    expect(addonMetricsJobs(addonReleasesIn(dev, { ...ARGO_ROLLOUTS_ADDON, placement: 'management-cluster' }), (f) => `${f}-metrics`)).toEqual(['argo-rollouts-metrics']);
  });

  it('rejects an add-on that runs on no cluster of the environment', () => {
    const noManagement: EnvironmentSpec = { ...dev, clusters: dev.clusters.filter((c) => c.role !== 'management') };
    expect(() => addonMetricsJobs(addonReleasesIn(noManagement, { ...ARGO_ROLLOUTS_ADDON, placement: 'management-cluster' }), (f) => `${f}-metrics`)).toThrow(
      /^lab\/monitoring\/argo-rollouts: placement 'management-cluster' matches no cluster .*to environment lab$/,
    );
  });
});

describe('the jobs the charts’ ServiceMonitors produce', () => {
  it('names Argo Rollouts’ job after each cluster’s release: <cluster>-argo-rollouts-metrics', () => {
    expect(argoRolloutsMetricsJobs(monitoringProps(dev).argoRollouts)).toEqual(['lab-aks-neu-argo-rollouts-metrics', 'lab-gke-euw4-argo-rollouts-metrics']);
    expect(argoRolloutsMetricsJobs(monitoringProps(staging).argoRollouts)).toEqual(['stage-eks-euw2-argo-rollouts-metrics']);
    expect(argoRolloutsMetricsJobs(monitoringProps(prod).argoRollouts)).toEqual(['live-eks-eun1-argo-rollouts-metrics', 'live-eks-euw2-argo-rollouts-metrics']);
  });

  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('gives Sealed Secrets one job on every cluster of %s (fullnameOverride)', (_name, spec) => {
    expect(sealedSecretsMetricsJobs(monitoringProps(spec).sealedSecrets)).toEqual(['sealed-secrets-controller-metrics']);
  });
});

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec: EnvironmentSpec) => {
  const paging = spec.tier === 'production' ? 'critical' : 'warning';

  it('declares the delivery and secrets alerts, each paging in production only', () => {
    expect(Object.fromEntries(alertsOf(spec).map((a) => [a.name, a.severity]))).toEqual({
      DeliveryRolloutAborted: paging,
      DeliveryRolloutsControllerDown: paging,
      SecretsSealedSecretUnsealFailed: paging,
      SecretsSealedSecretsControllerDown: paging,
    });
  });

  it('waits a minute on an abort, five on a controller, and nothing on an unseal error (the retries are over)', () => {
    expect(Object.fromEntries(alertsOf(spec).map((a) => [a.name, argoDuration(a.for)]))).toEqual({
      DeliveryRolloutAborted: '1m',
      DeliveryRolloutsControllerDown: '5m',
      SecretsSealedSecretUnsealFailed: '0s',
      SecretsSealedSecretsControllerDown: '5m',
    });
  });

  it('watches the Rollouts controller job of every cluster and nothing else', () => {
    const job = jobRegex(alertNamed(spec, 'DeliveryRolloutsControllerDown').expr);
    for (const cluster of spec.clusters) expect(job.test(`${cluster.name}-argo-rollouts-metrics`)).toBe(true);
    // A default `helm install argo-rollouts` would be `argo-rollouts-metrics`; that is not ours.
    expect(job.test('argo-rollouts-metrics')).toBe(false);
    expect(job.test('sealed-secrets-controller-metrics')).toBe(false);
  });

  it('watches the Sealed Secrets controller’s metrics Service, not its API Service', () => {
    const job = jobRegex(alertNamed(spec, 'SecretsSealedSecretsControllerDown').expr);
    expect(job.test('sealed-secrets-controller-metrics')).toBe(true);
    expect(job.test('sealed-secrets-controller')).toBe(false);
  });

  it('fires a controller-down alert when no target is up, not when one replica is', () => {
    for (const name of ['DeliveryRolloutsControllerDown', 'SecretsSealedSecretsControllerDown']) {
      const alert = alertNamed(spec, name);
      expect(alert.expr).toMatch(/^absent\(up\{job=~"[^"]+"\} == 1\)$/);
      expect(alert.cases.quiet.series.map((s) => s.values)).toEqual(['0x15', '1x15']);
    }
  });

  it('reads the namespace of the Rollout and of the SealedSecret, not the controller’s', () => {
    expect(alertNamed(spec, 'DeliveryRolloutAborted').expr).toContain(withObjectNamespace('rollout_info{phase="Abort"}'));
    // Sealed Secrets' ServiceMonitor honours the controller's labels: `namespace` is the SealedSecret's already.
    expect(alertNamed(spec, 'SecretsSealedSecretUnsealFailed').expr).toMatch(/^sum by \(namespace, reason\) \(increase\(.*\) > 0$/);
    expect(alertNamed(spec, 'SecretsSealedSecretUnsealFailed').expr).not.toContain('exported_namespace');
  });

  it('models unseal errors with the labels Prometheus stores: honorLabels keeps the SealedSecret’s namespace, no exported_namespace', () => {
    // sealed-secrets helm/sealed-secrets/templates/servicemonitor.yaml (helm-v2.16.2, helm-v2.17.1)
    // writes `honorLabels` from metrics.serviceMonitor.honorLabels, true by default and in our values.
    const values = SEALED_SECRETS_ADDON.values(spec) as { metrics: { serviceMonitor: { honorLabels: boolean } } };
    expect(values.metrics.serviceMonitor.honorLabels).toBe(true);
    const unseal = alertNamed(spec, 'SecretsSealedSecretUnsealFailed');
    const series = [unseal.cases.fires, unseal.cases.quiet].flatMap((c) => c.series.map((x) => x.series));
    for (const s of series) {
      expect(s).not.toContain('exported_namespace');
      expect(s).toContain(`job="${sealedSecretsMetricsJobs(monitoringProps(spec).sealedSecrets)[0]}"`);
    }
    expect(series[0]).toContain('namespace="payments"');
    expect(unseal.cases.fires.firing).toEqual([{ namespace: 'payments', reason: 'unseal' }]);
  });

  it('counts unseal errors of new series too, and leaves out failed status updates', () => {
    const expr = alertNamed(spec, 'SecretsSealedSecretUnsealFailed').expr;
    expect(expr).toContain('increase(sealed_secrets_controller_unseal_errors_total{reason!="status"}[1h]) > 0');
    expect(expr).toContain('unless sealed_secrets_controller_unseal_errors_total{reason!="status"} offset 1h');
  });

  it('records gitops:rollouts_aborted:count by namespace (the dashboard contract), counting each Rollout once', () => {
    const [recording, ...others] = deliveryMonitoring(monitoringProps(spec)).recordings;
    expect(others).toEqual([]);
    expect(recording?.record).toBe('gitops:rollouts_aborted:count');
    expect(recording?.expr).toMatch(/^count by \(namespace\) \(max by \(namespace, name\) /);
    for (const testCase of recording?.cases ?? []) for (const sample of testCase.samples) expect(Object.keys(sample.labels)).toEqual(['namespace']);
    expect(secretsMonitoring(monitoringProps(spec)).recordings).toEqual([]);
  });
});
