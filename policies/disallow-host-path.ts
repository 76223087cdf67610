import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'host-path';

/**
 * A named check alongside pod-security-baseline (which also covers it): the refusal names the
 * field to remove, and reports count hostPath use on its own.
 */
export const disallowHostPath: PolicyDefinition = {
  name: 'disallow-host-path',
  title: 'Disallow hostPath Volumes',
  category: 'Pod Security Standards (Baseline)',
  severity: 'high',
  description:
    "Pods must not mount hostPath volumes: a directory of the node gives a container the node's files, credentials and " +
    'container runtime socket, from which it can take over the node and every pod on it.',
  release: '1.1.0',
  controls: {
    soc2: ['CC6.1', 'CC6.8'],
    pciDss: ['2.2.1', '2.2.6'],
    iso27001: ['A.8.3', 'A.8.9'],
    cisKubernetes: ['5.2.12'],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      ...TENANT_PODS,
      message: 'hostPath volumes are not allowed: remove spec.volumes[*].hostPath and use an emptyDir, configMap, secret or ' + 'persistentVolumeClaim volume instead.',
      // `=(volumes)`: pods without volumes pass; `X(hostPath)`: no volume may have the field at all, whatever its value.
      check: { pattern: { spec: { '=(volumes)': [{ 'X(hostPath)': 'null' }] } } },
    },
  ],
  cases: [
    { description: 'no volumes', rule: RULE, expect: 'pass', resource: pod('no-volumes') },
    {
      description: 'an emptyDir volume',
      rule: RULE,
      expect: 'pass',
      resource: pod('empty-dir-volume', {
        containers: [compliantContainer({ volumeMounts: [{ name: 'scratch', mountPath: '/tmp' }] })],
        volumes: [{ name: 'scratch', emptyDir: {} }],
      }),
    },
    {
      description: 'a hostPath volume next to an allowed one',
      rule: RULE,
      expect: 'fail',
      resource: pod('host-path-volume', {
        containers: [
          compliantContainer({
            volumeMounts: [
              { name: 'scratch', mountPath: '/tmp' },
              { name: 'host', mountPath: '/host', readOnly: true },
            ],
          }),
        ],
        volumes: [
          { name: 'scratch', emptyDir: {} },
          { name: 'host', hostPath: { path: '/var/run', type: 'Directory' } },
        ],
      }),
    },
  ],
};
