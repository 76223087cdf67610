import { POLICY_EXCEPTION_NAMESPACE } from '../../kyverno/policy-exception';
import { haReplicas, zoneSpread } from './ha-replicas';
import type { AddonEnvironment, PlatformAddon } from './platform-addon';

/**
 * Conditions the API server evaluates before calling any of Kyverno's resource webhooks (the
 * chart's `config.matchConditions`, written to the `kyverno` ConfigMap and copied onto every
 * webhook: kyverno v1.19.1 pkg/config/config.go, pkg/controllers/webhook/utils_webhook.go).
 *
 * Argo CD's Application CRD has no status subresource, so the application controller writes
 * status with UPDATEs of the whole object, many per minute; through a fail-closed webhook a Kyverno
 * outage would stop Argo CD from recording any sync. An UPDATE that leaves `spec` unchanged cannot
 * break a policy on Applications, so it skips Kyverno. (Set here rather than on the policy: the
 * Kyverno 1.19.1 CLI crashes on policies with their own matchConditions, pkg/validation/policy/
 * validate.go, which calls the cluster client it does not have.) CEL's `&&` is false as soon as
 * one side is, so objects without `spec` never reach the comparison.
 */
export const KYVERNO_WEBHOOK_MATCH_CONDITIONS: readonly { readonly name: string; readonly expression: string }[] = [
  {
    name: 'skip-argocd-application-status-writes',
    expression:
      "!(request.resource.group == 'argoproj.io' && request.resource.resource == 'applications' && request.operation == 'UPDATE' && " +
      'has(object.spec) && has(oldObject.spec) && object.spec == oldObject.spec)',
  },
];

export const KYVERNO_ADDON: PlatformAddon<Pick<AddonEnvironment, 'tier'>> = {
  versionKey: 'kyverno',
  name: 'kyverno',
  chart: { repoUrl: 'https://kyverno.github.io/kyverno/', chart: 'kyverno' },
  namespace: 'kyverno',
  placement: 'every-cluster',
  serverSideApply: true,
  crds: [
    { group: 'kyverno.io', kind: 'ClusterPolicy' },
    { group: 'kyverno.io', kind: 'Policy' },
    { group: 'kyverno.io', kind: 'PolicyException' },
    { group: 'kyverno.io', kind: 'ClusterCleanupPolicy' },
  ],
  values: (environment) => {
    const serviceMonitor = { serviceMonitor: { enabled: true } };
    const replicas = haReplicas(environment);
    const spread = zoneSpread(replicas, { 'app.kubernetes.io/component': 'admission-controller' });
    return {
      admissionController: {
        replicas,
        // The chart passes it through `tpl` unchanged and adds no selector of its own (kyverno
        // v1.19.1 charts/kyverno/templates/admission-controller/deployment.yaml); `component` is the
        // label the chart's own anti-affinity selects the replicas by (charts/kyverno/values.yaml).
        ...(spread.length === 0 ? {} : { topologySpreadConstraints: spread }),
        ...serviceMonitor,
      },
      backgroundController: serviceMonitor,
      cleanupController: serviceMonitor,
      reportsController: serviceMonitor,
      // Exceptions are honoured only from the namespace gitops-cdk writes them to, so a tenant
      // who can create objects in their own namespace cannot exempt themselves.
      features: { policyExceptions: { enabled: true, namespace: POLICY_EXCEPTION_NAMESPACE } },
      config: { matchConditions: KYVERNO_WEBHOOK_MATCH_CONDITIONS },
    };
  },
};
