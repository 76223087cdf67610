import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import type { Condition } from '../constructs/kyverno/types';
import { compliantContainerWithout } from './support/case-edits';
import { compliantContainer, pod } from './support/resources';
import { TENANT_PODS } from './support/scope';

const RULE = 'validate-probes';

/**
 * A probe is an object whose handler varies (httpGet, tcpSocket, exec, grpc), and Kyverno's `?*`
 * pattern only matches scalar values, so presence is checked on the container's keys instead.
 */
function missing(probe: string): Condition {
  return { key: probe, operator: 'AllNotIn', value: '{{ element.keys(@)[] }}' };
}

/** Without probes Kubernetes routes traffic to pods that cannot serve it and never restarts hung ones. */
export const requireProbes: PolicyDefinition = {
  name: 'require-probes',
  title: 'Require Liveness and Readiness Probes',
  category: 'Best Practices',
  severity: 'medium',
  description:
    'Every container must declare a livenessProbe and a readinessProbe. Without a readiness probe a Service sends traffic to pods ' +
    'that are still starting or are overloaded; without a liveness probe a deadlocked container keeps running and is never restarted, ' +
    'and rolling updates cannot tell a healthy new version from a broken one.',
  release: '1.1.0',
  controls: {
    soc2: ['A1.2', 'CC7.1'],
    pciDss: [],
    iso27001: ['A.8.14', 'A.8.16'],
    cisKubernetes: [],
  },
  rules: [
    {
      type: 'validate',
      name: RULE,
      ...TENANT_PODS,
      message:
        'Every container in spec.containers must set both livenessProbe and readinessProbe, for example ' +
        'livenessProbe.httpGet {path: /healthz, port: 8080} and readinessProbe.httpGet {path: /ready, port: 8080}.',
      // `any`: one missing probe is enough to refuse the container.
      check: { foreach: [{ list: 'request.object.spec.containers[]', deny: { conditions: { any: [missing('livenessProbe'), missing('readinessProbe')] } } }] },
    },
  ],
  cases: [
    { description: 'both probes on the only container', rule: RULE, expect: 'pass', resource: pod('probes-set') },
    {
      description: 'both probes on each of two containers',
      rule: RULE,
      expect: 'pass',
      resource: pod('probes-on-sidecar-too', { containers: [compliantContainer(), compliantContainer({ name: 'sidecar' })] }),
    },
    {
      description: 'no livenessProbe',
      rule: RULE,
      expect: 'fail',
      resource: pod('no-liveness-probe', { containers: [compliantContainerWithout('livenessProbe')] }),
    },
    {
      description: 'no readinessProbe',
      rule: RULE,
      expect: 'fail',
      resource: pod('no-readiness-probe', { containers: [compliantContainerWithout('readinessProbe')] }),
    },
    {
      description: 'a second container without probes next to a compliant one',
      rule: RULE,
      expect: 'fail',
      resource: pod('sidecar-without-probes', {
        containers: [compliantContainer(), { ...compliantContainerWithout('livenessProbe', 'readinessProbe'), name: 'sidecar' }],
      }),
    },
  ],
};
