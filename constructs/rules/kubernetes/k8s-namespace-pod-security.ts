import { unless } from '../../core/finding';
import type { KubernetesRule } from '../types';

/** The Pod Security Standards levels the admission controller knows. */
const LEVELS: ReadonlySet<string> = new Set(['privileged', 'baseline', 'restricted']);

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

/**
 * Every Namespace the estate creates declares the Pod Security Standard it enforces. Without the
 * label the cluster default applies, which is `privileged` (no checks) on every managed
 * Kubernetes; `privileged` stated explicitly is a visible, reviewable decision (monitoring's
 * node-exporter needs it).
 */
export const k8sNamespacePodSecurity: KubernetesRule = {
  id: 'k8s-namespace-pod-security',
  engine: 'kubernetes',
  level: 'error',
  title: 'Namespaces declare the Pod Security Standard they enforce',
  rationale:
    'Pod Security admission is the built-in guard against privileged containers, host mounts and host networking. ' + 'It only acts on namespaces that carry its enforce label.',
  controls: {
    soc2: ['CC6.1', 'CC6.8'],
    pciDss: ['2.2.1'],
    iso27001: ['A.8.9'],
    gdpr: ['Art. 25', 'Art. 32'],
  },
  objectTypes: ['v1/Namespace'],
  check(manifest) {
    const level = manifest.metadata.labels?.[ENFORCE_LABEL];
    return unless(
      level !== undefined && LEVELS.has(level),
      'metadata.labels',
      level,
      level === undefined ? `the namespace has no ${ENFORCE_LABEL} label, so no Pod Security Standard is enforced` : `${level} is not a Pod Security level`,
      `label the namespace ${ENFORCE_LABEL}: baseline (or restricted; privileged only where host access is needed)`,
    );
  },
};
