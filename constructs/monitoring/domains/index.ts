import type { EnvironmentSpec } from '../../../environments/types';
import type { MonitoringDomain } from '../alert-definition';
import { argoCdMonitoring } from './argocd';
import { autoscalingMonitoring } from './autoscaling';
import { complianceReportMonitoring } from './compliance-report';
import { deliveryMonitoring } from './delivery';
import { gitopsDriftMonitoring } from './gitops-drift';
import { kyvernoMonitoring } from './kyverno';
import { secretsMonitoring } from './secrets';
import { terraformDriftMonitoring } from './terraform-drift';

/** Every monitoring domain of an environment: one PrometheusRule (and one rule file) each. */
export function monitoringDomains(spec: EnvironmentSpec): MonitoringDomain[] {
  return [
    argoCdMonitoring(spec),
    gitopsDriftMonitoring(spec),
    kyvernoMonitoring(spec),
    deliveryMonitoring(spec),
    secretsMonitoring(spec),
    terraformDriftMonitoring(spec),
    complianceReportMonitoring(),
    // Only where the environment has EKS clusters (the cluster-autoscaler's placement).
    ...[autoscalingMonitoring(spec)].filter((domain): domain is MonitoringDomain => domain !== undefined),
  ];
}
