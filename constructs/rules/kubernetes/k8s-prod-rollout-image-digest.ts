import { finding } from '../../core/finding';
import { rolloutView } from '../inspect/rollouts';
import type { KubernetesRule } from '../types';

const BY_DIGEST = /@sha256:[0-9a-f]{64}$/;

/**
 * A production Rollout names its images by digest. A tag is a pointer the registry may move: the
 * version that passed staging's analysis is the digest, and the rollback target (the stable
 * ReplicaSet's template) must stay that exact content.
 */
export const k8sProdRolloutImageDigest: KubernetesRule = {
  id: 'k8s-prod-rollout-image-digest',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production Rollouts run images pinned by digest',
  rationale:
    'A tag can be pushed again with other content after review; a Rollout pinned to it would roll out, or roll back to, ' +
    'an image nobody analysed. A digest is the content itself.',
  controls: {
    soc2: ['CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: [],
  },
  objectTypes: ['argoproj.io/v1alpha1/Rollout'],
  check(manifest, context) {
    return rolloutView(manifest)
      .images.filter(({ image }) => typeof image !== 'string' || !BY_DIGEST.test(image))
      .map(({ field, image }) =>
        finding(
          field,
          image,
          `${context.environment.name} is a production environment and runs images by digest only`,
          'set image.digest (sha256:...) of the delivered workload in the environment spec',
        ),
      );
  },
};
