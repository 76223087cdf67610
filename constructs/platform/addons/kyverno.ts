import type { PlatformAddon } from './platform-addon';
import { haReplicas } from './ha-replicas';
import { POLICY_EXCEPTION_NAMESPACE } from '../../kyverno/policy-exception';

export const KYVERNO_ADDON: PlatformAddon = {
  versionKey: 'kyverno',
  name: 'kyverno',
  chart: { repoUrl: 'https://kyverno.github.io/kyverno/', chart: 'kyverno' },
  namespace: 'kyverno',
  placement: 'every-cluster',
  serverSideApply: true,
  values: (spec) => {
    const serviceMonitor = { serviceMonitor: { enabled: true } };
    return {
      admissionController: { replicas: haReplicas(spec), ...serviceMonitor },
      backgroundController: serviceMonitor,
      cleanupController: serviceMonitor,
      reportsController: serviceMonitor,
      // Exceptions are honoured only from the namespace gitops-cdk writes them to, so a tenant
      // who can create objects in their own namespace cannot exempt themselves.
      features: { policyExceptions: { enabled: true, namespace: POLICY_EXCEPTION_NAMESPACE } },
    };
  },
};
