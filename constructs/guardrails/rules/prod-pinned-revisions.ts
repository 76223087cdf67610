import { showValue } from '../violation';
import { applicationSpecsOf, sourcesOf } from '../argo-applications';
import { type Guardrail, violationAt } from '../guardrail';

const EXACT_SEMVER = /^\d+\.\d+\.\d+$/;
const RELEASE_TAG = /^v\d+\.\d+\.\d+$/;
const COMMIT_SHA = /^[0-9a-f]{40}$/;

/**
 * Production deploys only what was reviewed: an exact chart version, and for Git sources a
 * release tag or commit, never `HEAD` or a branch that moves under it.
 */
export const prodPinnedRevisions: Guardrail = {
  id: 'prod-pinned-revisions',
  description: 'Production sources are pinned: exact Helm chart versions, Git release tags or commit SHAs.',
  tiers: ['production'],
  check(object, spec) {
    return applicationSpecsOf(object).flatMap((found) =>
      sourcesOf(found).flatMap(({ field, source }) => {
        const revision = source.targetRevision ?? '';
        const isChart = source.chart !== undefined;
        const pinned = isChart ? EXACT_SEMVER.test(revision) : RELEASE_TAG.test(revision) || COMMIT_SHA.test(revision);
        if (pinned) return [];
        return [
          violationAt(object, spec, this.id, {
            field: `${field}.targetRevision`,
            value: showValue(source.targetRevision),
            problem: isChart
              ? `chart ${source.chart} is not pinned to an exact version in production`
              : 'a Git source in production follows a moving revision (HEAD or a branch)',
            fix: isChart
              ? `pin an exact version such as 1.2.3 in charts of environments/${spec.name}.ts`
              : `pin a release tag (v1.2.3) or a commit SHA in gitops.revision of environments/${spec.name}.ts`,
          }),
        ];
      }),
    );
  },
};
