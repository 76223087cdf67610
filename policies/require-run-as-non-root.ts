import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { containerWithSecurityContext, podSecurityContext } from './support/case-edits';
import { compliantInitContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'run-as-non-root';

/** A container may leave runAsNonRoot unset (it inherits the pod's) but must not set it false. */
const INHERITS_OR_TRUE = [{ '=(securityContext)': { '=(runAsNonRoot)': true } }];

/** Without a pod-level default, each container must set it itself. */
const SETS_TRUE = [{ securityContext: { runAsNonRoot: true } }];

/**
 * A named check alongside pod-security-restricted (which also covers it): the refusal says
 * where to set the field, and reports count root containers on their own.
 */
export const requireRunAsNonRoot: PolicyDefinition = {
  name: 'require-run-as-non-root',
  title: 'Require runAsNonRoot',
  category: 'Pod Security Standards (Restricted)',
  severity: 'high',
  description:
    'Containers must run as a non-root user (runAsNonRoot: true), so the kubelet refuses an image that would start as UID 0. ' +
    'Root in a container is root on the node as soon as any isolation boundary fails.',
  release: '1.1.0',
  controls: {
    soc2: ['CC6.1', 'CC6.3'],
    pciDss: ['2.2.1', '2.2.6'],
    iso27001: ['A.8.2', 'A.8.9'],
    cisKubernetes: ['5.2.7'],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      ...TENANT_PODS,
      message:
        'Running as root is not allowed: set spec.securityContext.runAsNonRoot: true (and do not set it false on any container), ' +
        'or set securityContext.runAsNonRoot: true on every container, init container and ephemeral container.',
      check: {
        anyPattern: [
          {
            spec: {
              securityContext: { runAsNonRoot: true },
              containers: INHERITS_OR_TRUE,
              '=(initContainers)': INHERITS_OR_TRUE,
              '=(ephemeralContainers)': INHERITS_OR_TRUE,
            },
          },
          {
            spec: {
              containers: SETS_TRUE,
              '=(initContainers)': SETS_TRUE,
              '=(ephemeralContainers)': SETS_TRUE,
            },
          },
        ],
      },
    },
  ],
  cases: [
    { description: 'set at pod level and on the container', rule: RULE, expect: 'pass', resource: pod('non-root-both') },
    {
      description: 'set at pod level only; the container inherits it',
      rule: RULE,
      expect: 'pass',
      resource: pod('non-root-pod-level', { containers: [containerWithSecurityContext({ runAsNonRoot: undefined })] }),
    },
    {
      description: 'set on the container only',
      rule: RULE,
      expect: 'pass',
      resource: pod('non-root-container-level', { securityContext: podSecurityContext({ runAsNonRoot: undefined }) }),
    },
    {
      description: 'set nowhere',
      rule: RULE,
      expect: 'fail',
      resource: pod('non-root-unset', {
        securityContext: podSecurityContext({ runAsNonRoot: undefined }),
        containers: [containerWithSecurityContext({ runAsNonRoot: undefined })],
      }),
    },
    {
      description: 'true at pod level but false on the container, which wins',
      rule: RULE,
      expect: 'fail',
      resource: pod('non-root-container-false', { containers: [containerWithSecurityContext({ runAsNonRoot: false })] }),
    },
    {
      description: 'set on the container only, but an init container sets it nowhere',
      rule: RULE,
      expect: 'fail',
      resource: pod('non-root-init-unset', {
        securityContext: podSecurityContext({ runAsNonRoot: undefined }),
        initContainers: [containerWithSecurityContext({ runAsNonRoot: undefined }, { name: 'migrate' }, compliantInitContainer())],
      }),
    },
    {
      description: 'true at pod level but false on an init container',
      rule: RULE,
      expect: 'fail',
      resource: pod('non-root-init-false', {
        initContainers: [containerWithSecurityContext({ runAsNonRoot: false }, { name: 'migrate' }, compliantInitContainer())],
      }),
    },
  ],
};
