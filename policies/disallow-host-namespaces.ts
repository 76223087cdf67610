import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'host-namespaces';

/**
 * A named check alongside pod-security-baseline (which also covers it): a refusal that names the
 * three fields is easier to act on than a profile violation, and reports count it on its own.
 */
export const disallowHostNamespaces: PolicyDefinition = {
  name: 'disallow-host-namespaces',
  title: 'Disallow Host Namespaces',
  category: 'Pod Security Standards (Baseline)',
  severity: 'high',
  description:
    "Pods must not share the node's network, process ID or IPC namespace: with them a container sees and talks to every process " +
    "and interface on the node, sniffs other pods' traffic and bypasses network policies.",
  release: '1.0.0',
  controls: {
    soc2: ['CC6.1', 'CC6.6', 'CC6.8'],
    pciDss: ['2.2.1', '2.2.6'],
    iso27001: ['A.8.9', 'A.8.22'],
    cisKubernetes: ['5.2.3', '5.2.4', '5.2.5'],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      ...TENANT_PODS,
      message: 'Sharing host namespaces is not allowed: remove spec.hostNetwork, spec.hostPID and spec.hostIPC or set them to false.',
      // `=()`: a field that is absent passes; one that is present must be false.
      check: { pattern: { spec: { '=(hostPID)': 'false', '=(hostIPC)': 'false', '=(hostNetwork)': 'false' } } },
    },
  ],
  cases: [
    { description: 'no host namespace fields at all', rule: RULE, expect: 'pass', resource: pod('no-host-namespaces') },
    {
      description: 'all three fields explicitly false',
      rule: RULE,
      expect: 'pass',
      resource: pod('host-namespaces-false', { hostNetwork: false, hostPID: false, hostIPC: false }),
    },
    { description: 'the host network namespace', rule: RULE, expect: 'fail', resource: pod('host-network', { hostNetwork: true }) },
    { description: 'the host process ID namespace', rule: RULE, expect: 'fail', resource: pod('host-pid', { hostPID: true }) },
    { description: 'the host IPC namespace', rule: RULE, expect: 'fail', resource: pod('host-ipc', { hostIPC: true }) },
  ],
};
