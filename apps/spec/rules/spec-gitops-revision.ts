import { matches, unless } from '../../../constructs/core/finding';
import { COMMIT_SHA, RELEASE_TAG } from '../../../constructs/core/pinned-revisions';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/** Exact release tag (no pre-release) or a full commit SHA: both are immutable once pushed. */
/** Git refuses these in branch names; whitespace would also break the Argo CD targetRevision. */
const BRANCH_NAME = /^[^\s~^:?*[\\]+$/;

/** A tracked branch must exist as a name; a pin must be a ref that cannot move. */
export const specGitopsRevision: SpecRule<EnvironmentSpec> = {
  id: 'spec-gitops-revision',
  engine: 'spec',
  level: 'error',
  title: 'A pinned revision is immutable, a tracked branch is a branch name',
  rationale: 'A pin is what promotion reviews and moves: a branch or short SHA given as a pin can change what the environment runs without a reviewed change.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  check: (spec) => {
    const revision = spec.gitops.revision;
    if (revision.kind === 'track') {
      return unless(
        matches(revision.branch, BRANCH_NAME),
        'gitops.revision.branch',
        revision.branch,
        'must be a non-empty branch name without spaces: Argo CD would track nothing',
        `set branch: 'main'`,
      );
    }
    return unless(
      matches(revision.ref, RELEASE_TAG) || matches(revision.ref, COMMIT_SHA),
      'gitops.revision.ref',
      revision.ref,
      'a pin must be an immutable ref: a release tag v<major>.<minor>.<patch> or a full 40-character commit SHA; a branch or short SHA can move under the environment',
      `pin a release tag such as 'v2026.11.2' or the full commit SHA`,
    );
  },
};
