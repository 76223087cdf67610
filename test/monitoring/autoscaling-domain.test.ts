import { monitoringDomains, monitoringProps } from '../../apps/assembly/monitoring-domains';
import { autoscalingMonitoring, clusterAutoscalerMetricsJobs } from '../../constructs/monitoring/domains/autoscaling';
import type { EksClusterSpec, EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

const dev = fixtureEnvironment({ tier: 'development' });
const staging = fixtureEnvironment({ tier: 'staging' });

// Fixtures: dev (AKS and GKE only) and dev with an EKS cluster of our own.
const EKS: EksClusterSpec = { ...(staging.clusters[0] as EksClusterSpec), name: 'mixed-eks-euw1', role: 'workload' };
const MIXED: EnvironmentSpec = { ...dev, clusters: [...dev.clusters, EKS], clouds: { ...dev.clouds, aws: staging.clouds.aws! } };

describe('autoscaling monitoring', () => {
  it('has no rule file in an environment without EKS clusters, where no autoscaler runs', () => {
    expect(autoscalingMonitoring(monitoringProps(dev))).toBeUndefined();
    expect(monitoringDomains(dev).map((d) => d.name)).not.toContain('autoscaling');
  });

  it("scrapes the autoscaler under its Service's name, the same on every EKS cluster", () => {
    expect(clusterAutoscalerMetricsJobs(monitoringProps(MIXED).clusterAutoscaler)).toEqual(['cluster-autoscaler']);
  });

  it('alerts when no autoscaler target is up, only on clusters where its Deployment exists', () => {
    const domain = autoscalingMonitoring(monitoringProps(MIXED));
    expect(monitoringDomains(MIXED).map((d) => d.name)).toContain('autoscaling');
    expect(domain?.alerts.map((a) => [a.name, a.expr, a.severity])).toEqual([
      [
        'AutoscalingClusterAutoscalerDown',
        'absent(up{job=~"cluster-autoscaler"} == 1) and on () kube_deployment_created{namespace="kube-system",deployment="cluster-autoscaler"}',
        'warning',
      ],
    ]);
    // fires (the only target down), quiet (one of two up), quiet (a cluster without the Deployment)
    const cases = domain!.alerts[0]!.cases;
    expect([cases.fires.firing.length > 0, cases.quiet.firing, cases.alsoQuiet?.map((c) => c.firing)]).toEqual([true, [], [[]]]);
  });
});
