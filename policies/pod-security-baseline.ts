import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { containerWithSecurityContext } from './support/case-edits';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

/**
 * The Pod Security Standards baseline profile through Kyverno's `podSecurity` subrule, so the
 * whole profile follows upstream Kubernetes as it evolves instead of a hand-kept copy of each check.
 */
export const podSecurityBaseline: PolicyDefinition = {
  name: 'pod-security-baseline',
  title: 'Pod Security Standards (Baseline)',
  category: 'Pod Security Standards (Baseline)',
  severity: 'high',
  description:
    'Pods must meet the Pod Security Standards baseline profile: no privileged containers, host namespaces, hostPath volumes, ' +
    'host ports, added capabilities beyond the default set or unconfined seccomp/AppArmor. Each of these lets a compromised ' +
    'container reach the node and, from there, every other workload on it.',
  release: '1.0.0',
  controls: {
    soc2: ['CC6.1', 'CC6.8'],
    pciDss: ['2.2.1', '2.2.6'],
    iso27001: ['A.8.2', 'A.8.9'],
    cisKubernetes: ['5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.11', '5.2.12', '5.2.13'],
  },
  rules: [
    {
      type: 'validate',
      name: 'baseline',
      ...TENANT_PODS,
      message:
        'The Pod violates the Pod Security Standards baseline profile (see the listed checks). Remove privileged: true, ' +
        'hostNetwork/hostPID/hostIPC, hostPath volumes, hostPort and added capabilities other than the default set.',
      check: { podSecurity: { level: 'baseline', version: 'latest' } },
    },
  ],
  cases: [
    { description: 'a pod compliant with the whole catalog', rule: 'baseline', expect: 'pass', resource: pod('baseline-compliant') },
    {
      description: 'privilege escalation is a restricted-profile check, so baseline admits it',
      rule: 'baseline',
      expect: 'pass',
      resource: pod('baseline-allows-escalation', { containers: [containerWithSecurityContext({ allowPrivilegeEscalation: true })] }),
    },
    {
      // The API server refuses privileged together with allowPrivilegeEscalation: false, so a real
      // privileged pod also allows escalation; baseline does not check escalation (see above).
      description: 'a privileged container',
      rule: 'baseline',
      expect: 'fail',
      resource: pod('baseline-privileged', {
        containers: [containerWithSecurityContext({ privileged: true, allowPrivilegeEscalation: true })],
      }),
    },
    {
      description: 'the host network namespace',
      rule: 'baseline',
      expect: 'fail',
      resource: pod('baseline-host-network', { hostNetwork: true }),
    },
    {
      description: 'a hostPath volume',
      rule: 'baseline',
      expect: 'fail',
      resource: pod('baseline-host-path', {
        containers: [compliantContainer({ volumeMounts: [{ name: 'host', mountPath: '/host', readOnly: true }] })],
        volumes: [{ name: 'host', hostPath: { path: '/var/run' } }],
      }),
    },
    {
      description: 'an added capability outside the baseline set (SYS_ADMIN)',
      rule: 'baseline',
      expect: 'fail',
      resource: pod('baseline-sys-admin', {
        containers: [containerWithSecurityContext({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } })],
      }),
    },
  ],
};
