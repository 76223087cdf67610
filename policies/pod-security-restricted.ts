import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { containerWithSecurityContext, podSecurityContext } from './support/case-edits';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

/**
 * The Pod Security Standards restricted profile (which includes baseline), through Kyverno's
 * `podSecurity` subrule so it tracks upstream Kubernetes. It came a release after baseline so
 * tenants had one release to harden their pods while baseline already held.
 */
export const podSecurityRestricted: PolicyDefinition = {
  name: 'pod-security-restricted',
  title: 'Pod Security Standards (Restricted)',
  category: 'Pod Security Standards (Restricted)',
  severity: 'high',
  description:
    'Pods must meet the Pod Security Standards restricted profile: everything baseline requires, plus running as non-root, ' +
    'no privilege escalation, all capabilities dropped, a RuntimeDefault or Localhost seccomp profile and only ephemeral or ' +
    'claim-backed volume types. A container broken into then holds as little as possible to attack the node with.',
  release: '1.1.0',
  controls: {
    soc2: ['CC6.1', 'CC6.8'],
    pciDss: ['2.2.1', '2.2.6'],
    iso27001: ['A.8.2', 'A.8.9'],
    cisKubernetes: ['5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6', '5.2.7', '5.2.8', '5.2.9', '5.2.12', '5.7.2', '5.7.3'],
  },
  rules: [
    {
      type: 'validate',
      name: 'restricted',
      ...TENANT_PODS,
      message:
        'The Pod violates the Pod Security Standards restricted profile (see the listed checks). Set runAsNonRoot: true, ' +
        'allowPrivilegeEscalation: false, capabilities.drop: [ALL] and seccompProfile.type: RuntimeDefault, and use only ' +
        'configMap, secret, emptyDir, projected, downwardAPI, csi, ephemeral or persistentVolumeClaim volumes.',
      check: { podSecurity: { level: 'restricted', version: 'latest' } },
    },
  ],
  cases: [
    { description: 'a pod compliant with the whole catalog', rule: 'restricted', expect: 'pass', resource: pod('restricted-compliant') },
    {
      description: 'an emptyDir volume is an allowed volume type',
      rule: 'restricted',
      expect: 'pass',
      resource: pod('restricted-empty-dir', {
        containers: [compliantContainer({ volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] })],
        volumes: [{ name: 'scratch', emptyDir: {} }],
      }),
    },
    {
      description: 'a container that allows privilege escalation',
      rule: 'restricted',
      expect: 'fail',
      resource: pod('restricted-escalation', { containers: [containerWithSecurityContext({ allowPrivilegeEscalation: true })] }),
    },
    {
      description: 'a container that keeps the default capabilities instead of dropping ALL',
      rule: 'restricted',
      expect: 'fail',
      resource: pod('restricted-capabilities', { containers: [containerWithSecurityContext({ capabilities: undefined })] }),
    },
    {
      description: 'a container that sets runAsNonRoot: false, overriding the pod',
      rule: 'restricted',
      expect: 'fail',
      resource: pod('restricted-root', { containers: [containerWithSecurityContext({ runAsNonRoot: false })] }),
    },
    {
      description: 'no seccomp profile at pod or container level',
      rule: 'restricted',
      expect: 'fail',
      resource: pod('restricted-no-seccomp', {
        securityContext: podSecurityContext({ seccompProfile: undefined }),
        containers: [containerWithSecurityContext({ seccompProfile: undefined })],
      }),
    },
    {
      description: 'an NFS volume: baseline admits it, restricted allows only ephemeral and claim-backed volume types',
      rule: 'restricted',
      expect: 'fail',
      resource: pod('restricted-nfs-volume', {
        containers: [compliantContainer({ volumeMounts: [{ name: 'shared', mountPath: '/shared', readOnly: true }] })],
        volumes: [{ name: 'shared', nfs: { server: 'nfs.team-a.internal', path: '/exports/shared', readOnly: true } }],
      }),
    },
  ],
};
