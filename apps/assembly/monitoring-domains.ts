import type { MonitoringDomain } from '../../constructs/monitoring/alert-definition';
import { type ArgoCdMonitoringProps, argoCdMonitoring } from '../../constructs/monitoring/domains/argocd';
import { type AutoscalingMonitoringProps, autoscalingMonitoring } from '../../constructs/monitoring/domains/autoscaling';
import { type BackupMonitoringProps, backupMonitoring } from '../../constructs/monitoring/domains/backup';
import { complianceReportMonitoring } from '../../constructs/monitoring/domains/compliance-report';
import { costAllocationMonitoring } from '../../constructs/monitoring/domains/cost-allocation';
import { type DeliveredWorkloadsDomain, deliveredWorkloadsMonitoring } from '../../constructs/monitoring/domains/delivered-workloads';
import { type DeliveryMonitoringProps, deliveryMonitoring } from '../../constructs/monitoring/domains/delivery';
import { gitopsDriftMonitoring } from '../../constructs/monitoring/domains/gitops-drift';
import { type KyvernoMonitoringProps, kyvernoMonitoring } from '../../constructs/monitoring/domains/kyverno';
import { type SecretsMonitoringProps, secretsMonitoring } from '../../constructs/monitoring/domains/secrets';
import { type TerraformDriftMonitoringProps, terraformDriftMonitoring } from '../../constructs/monitoring/domains/terraform-drift';
import { ARGO_CD_ADDON } from '../../constructs/platform/addons/argo-cd';
import { ARGO_ROLLOUTS_ADDON } from '../../constructs/platform/addons/argo-rollouts';
import { CLUSTER_AUTOSCALER_ADDON } from '../../constructs/platform/addons/cluster-autoscaler';
import { KYVERNO_ADDON } from '../../constructs/platform/addons/kyverno';
import { SEALED_SECRETS_ADDON } from '../../constructs/platform/addons/sealed-secrets';
import { VELERO_ADDONS } from '../../constructs/platform/addons/velero';
import type { EnvironmentSpec } from '../../environments/types';
import { terraformEnvironmentDir } from '../synth/dist-layout';
import { addonReleasesIn } from './addon-releases';

/** What the estate's monitoring domains read: the spec, the add-ons' releases in it and the synth's Terraform folder. */
export type MonitoringProps = EnvironmentSpec &
  ArgoCdMonitoringProps &
  AutoscalingMonitoringProps &
  BackupMonitoringProps &
  DeliveryMonitoringProps &
  KyvernoMonitoringProps &
  SecretsMonitoringProps &
  TerraformDriftMonitoringProps;

/** The props of every monitoring domain of `spec`, in one object (each domain reads its part). */
export function monitoringProps(spec: EnvironmentSpec): MonitoringProps {
  return {
    ...spec,
    argoCd: addonReleasesIn(spec, ARGO_CD_ADDON),
    argoRollouts: addonReleasesIn(spec, ARGO_ROLLOUTS_ADDON),
    clusterAutoscaler: addonReleasesIn(spec, CLUSTER_AUTOSCALER_ADDON),
    kyvernoReleases: addonReleasesIn(spec, KYVERNO_ADDON),
    sealedSecrets: addonReleasesIn(spec, SEALED_SECRETS_ADDON),
    terraformDir: terraformEnvironmentDir(spec.name),
    velero: VELERO_ADDONS.map((addon) => addonReleasesIn(spec, addon)),
  };
}

/** Every monitoring domain of an environment: one PrometheusRule (and one rule file) each. */
export function monitoringDomains(spec: EnvironmentSpec): MonitoringDomain[] {
  const props = monitoringProps(spec);
  return [
    argoCdMonitoring(props),
    gitopsDriftMonitoring(props),
    kyvernoMonitoring(props),
    deliveryMonitoring(props),
    secretsMonitoring(props),
    terraformDriftMonitoring(props),
    complianceReportMonitoring(),
    backupMonitoring(props),
    // Only where the environment has EKS clusters (the cluster-autoscaler's placement).
    ...[autoscalingMonitoring(props)].filter((domain): domain is MonitoringDomain => domain !== undefined),
    // Only where the environment delivers workloads through Argo Rollouts (spec.delivery).
    ...[deliveredWorkloadsMonitoring(props)].filter((domain): domain is DeliveredWorkloadsDomain => domain !== undefined),
    // Only where the environment has tenants (spec.tenants): their cost and budgets.
    ...[costAllocationMonitoring(props)].filter((domain): domain is MonitoringDomain => domain !== undefined),
  ];
}
