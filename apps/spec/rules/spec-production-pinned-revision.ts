import { unless } from '../../../constructs/core/finding';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import type { EnvironmentSpec } from '../../../environments/types';

/**
 * Production pins a revision. The output rule prod-pinned-revisions refuses a moving revision on
 * each synthesized Application as well; this one names the spec field before anything is built.
 */
export const specProductionPinnedRevision: SpecRule<EnvironmentSpec> = {
  id: 'spec-production-pinned-revision',
  engine: 'spec',
  level: 'error',
  title: 'Production pins an immutable revision',
  rationale: 'Tracking a branch deploys every merge to production unreviewed; a pinned tag changes only through promotion.',
  controls: { soc2: ['CC8.1'], pciDss: ['6.5.1'], iso27001: ['A.8.32'], gdpr: [] },
  tiers: ['production'],
  check: (spec) =>
    unless(
      spec.gitops.revision.kind === 'pin',
      'gitops.revision.kind',
      spec.gitops.revision.kind,
      'production must pin an immutable revision: tracking a branch deploys every merge to production unreviewed',
      `pin a release tag: revision: { kind: 'pin', ref: 'v<major>.<minor>.<patch>' }; promotion moves it`,
    ),
};
