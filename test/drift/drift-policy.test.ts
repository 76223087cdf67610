import { Duration } from 'cdk8s';
import { argoCdMetricLabel, DriftPolicy } from '../../constructs/drift/drift-policy';
import { DRIFT_LABELS } from '../../constructs/kubernetes/gitops-cdk-labels';
import { ARGO_CD_ADDON } from '../../constructs/platform/addons/argo-cd';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

const dev = fixtureEnvironment({ tier: 'development' });
const staging = fixtureEnvironment({ tier: 'staging' });
const prod = fixtureEnvironment({ tier: 'production' });

describe('argoCdMetricLabel', () => {
  it("names an Application label the way Argo CD's metrics do: label_ and every other character as _", () => {
    expect(argoCdMetricLabel('gitops-cdk.io/drift-class')).toBe('label_gitops_cdk_io_drift_class');
    expect(argoCdMetricLabel('team_name')).toBe('label_team_name');
  });
});

describe('DriftPolicy', () => {
  it('classifies policies and RBAC as critical, add-ons as warning, dashboards and rules as info', () => {
    const policy = DriftPolicy.fromSpec(prod);
    expect(['policies', 'rbac', 'configuration', 'platform', 'workloads', 'observability'].map((c) => policy.severityOf(c as 'rbac'))).toEqual([
      'critical',
      'critical',
      'critical',
      'warning',
      'warning',
      'info',
    ]);
  });

  it.each([
    ['dev', dev, { policies: true, platform: true, observability: true }],
    ['staging', staging, { policies: true, platform: true, observability: false }],
    ['prod', prod, { policies: true, platform: true, observability: false }],
  ] as const)('self-heals in %s exactly the classes whose remediation is not alert', (_name, spec, selfHeal) => {
    const policy = DriftPolicy.fromSpec(spec);
    expect({
      policies: policy.applicationSettings('policies').syncPolicy.selfHeal,
      platform: policy.applicationSettings('platform').syncPolicy.selfHeal,
      observability: policy.applicationSettings('observability').syncPolicy.selfHeal,
    }).toEqual(selfHeal);
  });

  it('rolls back failed deliveries of add-ons and workloads in production only', () => {
    expect(DriftPolicy.fromSpec(prod).remediationOf('workloads').strategy).toBe('rollback');
    expect(DriftPolicy.fromSpec(staging).remediationOf('workloads').strategy).toBe('sync');
  });

  it('pages for critical drift in production only; warning and info keep their severity', () => {
    expect(['critical', 'warning', 'info'].map((s) => DriftPolicy.fromSpec(prod).alertSeverity(s as 'info'))).toEqual(['critical', 'warning', 'info']);
    expect(['critical', 'warning', 'info'].map((s) => DriftPolicy.fromSpec(staging).alertSeverity(s as 'info'))).toEqual(['warning', 'warning', 'info']);
  });

  it('lists only the severities some class has, most severe first', () => {
    const noInfo: EnvironmentSpec = { ...dev, driftDetection: { ...dev.driftDetection, severityByClass: { ...dev.driftDetection.severityByClass, observability: 'warning' } } };
    expect(DriftPolicy.fromSpec(dev).severities).toEqual(['critical', 'warning', 'info']);
    expect(DriftPolicy.fromSpec(noInfo).severities).toEqual(['critical', 'warning']);
  });

  it('labels an Application with class, severity and remediation', () => {
    const spec: EnvironmentSpec = {
      ...staging,
      driftDetection: { ...staging.driftDetection, remediation: { ...staging.driftDetection.remediation, critical: { strategy: 'rollback', alertAfter: Duration.minutes(3) } } },
    };
    expect(DriftPolicy.fromSpec(spec).applicationSettings('rbac').labels).toEqual({
      [DRIFT_LABELS.class]: 'rbac',
      [DRIFT_LABELS.severity]: 'critical',
      [DRIFT_LABELS.remediation]: 'rollback',
    });
  });

  it("makes Argo CD's controller export exactly those labels on argocd_app_labels", () => {
    const values = ARGO_CD_ADDON.values(prod) as { controller: { metrics: { applicationLabels: unknown } } };
    expect(values.controller.metrics.applicationLabels).toEqual({ enabled: true, labels: Object.values(DRIFT_LABELS) });
  });
});
