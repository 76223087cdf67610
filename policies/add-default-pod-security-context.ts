import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { podWithSecurityContext } from './support/case-edits';
import { pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'add-seccomp-runtime-default';

/**
 * Fills in the default rather than refusing the pod: RuntimeDefault is what the restricted Pod
 * Security profile asks for, and almost every workload runs unchanged under it.
 */
export const addDefaultPodSecurityContext: PolicyDefinition = {
  name: 'add-default-pod-security-context',
  title: 'Add Default Pod Security Context',
  category: 'Pod Security Standards (Restricted)',
  severity: 'medium',
  description:
    'Pods that set no seccomp profile get `seccompProfile: RuntimeDefault` in their securityContext. Without a profile a container ' +
    "may call every system call of the node's kernel, a large attack surface for container escapes; the runtime's default " +
    'profile blocks the rarely needed, dangerous ones. A profile the pod sets itself is left as it is.',
  release: '1.2.0',
  controls: {
    soc2: ['CC6.8'],
    pciDss: ['2.2.1'],
    iso27001: ['A.8.9'],
    cisKubernetes: ['5.7.2'],
  },
  rules: [
    {
      type: 'mutate',
      name: RULE,
      ...TENANT_PODS,
      // `+()`: add only when absent, so a pod's own choice (e.g. a Localhost profile) is kept.
      mutate: { patchStrategicMerge: { spec: { securityContext: { '+(seccompProfile)': { type: 'RuntimeDefault' } } } } },
    },
  ],
  cases: [
    {
      description: 'a pod-level securityContext without seccompProfile gets RuntimeDefault',
      rule: RULE,
      expect: 'pass',
      resource: podWithSecurityContext('no-seccomp-profile', { runAsNonRoot: true }),
      produces: pod('no-seccomp-profile'),
    },
    {
      description: 'a pod without a pod-level securityContext gets one with RuntimeDefault',
      rule: RULE,
      expect: 'pass',
      resource: podWithSecurityContext('no-security-context', undefined),
      produces: podWithSecurityContext('no-security-context', { seccompProfile: { type: 'RuntimeDefault' } }),
    },
    {
      // Kyverno reports `skip` ("no patches applied") when the patch leaves the object unchanged.
      description: 'a pod that already sets RuntimeDefault is left unchanged',
      rule: RULE,
      expect: 'skip',
      resource: pod('seccomp-already-set'),
    },
    {
      description: 'a Localhost profile the pod chose is kept',
      rule: RULE,
      expect: 'skip',
      resource: podWithSecurityContext('localhost-profile', {
        runAsNonRoot: true,
        seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/api.json' },
      }),
    },
  ],
};
