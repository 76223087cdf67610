import { finding } from '../../core/finding';
import { COMMIT_SHA, EXACT_SEMVER, RELEASE_TAG } from '../../core/pinned-revisions';
import { applicationSpecsOf, sourcesOf } from '../inspect/argo-applications';
import type { KubernetesRule } from '../types';

/**
 * Production deploys only what was reviewed: an exact chart version, and for Git sources a
 * release tag or commit, never `HEAD` or a branch that moves under it.
 */
export const k8sProdPinnedRevisions: KubernetesRule = {
  id: 'k8s-prod-pinned-revisions',
  engine: 'kubernetes',
  level: 'error',
  title: 'Production sources are pinned to exact chart versions, release tags or commits',
  rationale:
    'A version range, HEAD or a branch deploys whatever is published next, unreviewed, the moment Argo CD syncs. ' + 'Production must run exactly what was reviewed and promoted.',
  controls: {
    soc2: ['CC8.1'],
    pciDss: ['6.5.1'],
    iso27001: ['A.8.32'],
    gdpr: [],
  },
  objectTypes: ['argoproj.io/v1alpha1/Application', 'argoproj.io/v1alpha1/ApplicationSet'],
  check(manifest, context) {
    const spec = context.environment;
    return applicationSpecsOf(manifest).flatMap((found) =>
      sourcesOf(found).flatMap(({ field, source }) => {
        const revision = source.targetRevision ?? '';
        const isChart = source.chart !== undefined;
        const pinned = isChart ? EXACT_SEMVER.test(revision) : RELEASE_TAG.test(revision) || COMMIT_SHA.test(revision);
        if (pinned) return [];
        return [
          finding(
            `${field}.targetRevision`,
            source.targetRevision,
            isChart ? `chart ${source.chart} is not pinned to an exact version in production` : 'a Git source in production follows a moving revision (HEAD or a branch)',
            isChart
              ? `pin an exact version such as 1.2.3 in the chart versions (charts) of environment ${spec.name}`
              : `pin a release tag (v1.2.3) or a commit SHA in gitops.revision of environment ${spec.name}`,
          ),
        ];
      }),
    );
  },
};
