import { ApiObject, App, Chart } from 'cdk8s';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { monitoringDomains } from '../../apps/assembly/monitoring-domains';
import { argoDuration } from '../../constructs/argocd/argo-duration';
import { ComplianceReportJob } from '../../constructs/compliance-report/compliance-report-job';
import { COMPLIANCE_REPORT_INTERVAL } from '../../constructs/compliance-report/report-schedule';
import { complianceReportStore } from '../../constructs/core/observability-contract';
import { COMPLIANCE_REPORT_CRONJOB, complianceReportMonitoring } from '../../constructs/monitoring/domains/compliance-report';
import { fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();

const [alert] = complianceReportMonitoring().alerts;

/** The CronJob the compliance report of a dev cluster renders. */
function renderedCronJob(): ICronJob {
  const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
  const cluster = dev.clusters[0]!;
  const scope = new Chart(new App(), 'reports');
  const scripts = new ApiObject(scope, 'scripts', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'scripts' } });
  const job = new ComplianceReportJob(scope, 'job', {
    environment: dev.name,
    cluster,
    store: complianceReportStore(dev, cluster.cloud)!,
    prefix: `dev/${cluster.name}`,
    scripts,
    podLabels: {},
  });
  return job.cronJob.toJson() as ICronJob;
}

describe('the compliance-report monitoring domain', () => {
  it.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('warns in %s, never pages: the reports are evidence, not a service', (_, spec) => {
    const domain = monitoringDomains(spec).find((d) => d.name === 'compliance-report')!;
    expect(domain.alerts.map((a) => [a.name, a.severity, argoDuration(a.for)])).toEqual([['ComplianceReportNotProduced', 'warning', '30m']]);
    expect(domain.recordings).toEqual([]);
  });

  it('watches the CronJob the compliance report renders, by its namespace and name', () => {
    const { metadata } = renderedCronJob();
    expect(COMPLIANCE_REPORT_CRONJOB).toEqual({ namespace: metadata!.namespace, cronjob: metadata!.name });
    expect(alert!.cases.fires.firing).toEqual([{ namespace: 'policy-reporter', cronjob: 'compliance-report' }]);
  });

  it("allows what the CronJob's own schedule allows: overdue an interval plus its starting deadline after the last success, then its job deadline to finish", () => {
    const spec = renderedCronJob().spec!;
    const overdue = COMPLIANCE_REPORT_INTERVAL.toSeconds() + spec.startingDeadlineSeconds!;
    expect(overdue).toBe(7 * 3600);
    expect(alert!.expr.endsWith(` > ${overdue}`)).toBe(true);
    expect(alert!.for.toSeconds()).toBe(spec.jobTemplate.spec!.activeDeadlineSeconds);
  });

  it('reads the last success, or the creation time of a CronJob that never succeeded (`or` keeps the success where both exist)', () => {
    const selector = '{namespace="policy-reporter",cronjob="compliance-report"}';
    expect(alert!.expr).toBe(`time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time${selector} or kube_cronjob_created${selector}) > 25200`);
  });
});
