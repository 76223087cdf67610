import { type KubernetesUnit, unitLabel } from '../../estate-unit';
import { stringAt } from '../json-values';
import type { RiskFinding, RiskRule } from '../risk-rule';
import { exactChartVersion } from './chart-version';
import { applicationSources } from './kubernetes-objects';

interface GitSource {
  readonly repoURL: string;
  readonly folder: string;
  readonly revision: string;
  /** `spec.source.targetRevision`, `spec.template.spec.sources[1].targetRevision`. */
  readonly path: string;
}

/** The Git sources (no `chart`) of an Application, or of the Applications an ApplicationSet generates. */
function gitSources(unit: KubernetesUnit | undefined): GitSource[] {
  return applicationSources(unit).flatMap(({ source, path }) =>
    stringAt(source, 'chart') !== undefined
      ? []
      : [
          {
            repoURL: stringAt(source, 'repoURL') ?? '',
            folder: stringAt(source, 'path') ?? '',
            revision: stringAt(source, 'targetRevision') ?? '',
            path: `${path}.targetRevision`,
          },
        ],
  );
}

const COMMIT = /^[0-9a-fA-F]{7,40}$/;

/**
 * Whether a Git `targetRevision` names one commit, as Argo CD v2.13.2 resolves it
 * (util/git/client.go, lsRemote and resolveSemverRevision; util/git/git.go): a commit SHA (40 hex
 * digits, or 7 or more when no ref is named so) is used as is; a revision that parses as a version
 * (Masterminds semver NewVersion: `v2026.11.2`, `1.2`) is looked up as a tag, which the estate never
 * moves (its releases are tags, dist/k8s/prod/root/application-prod-root.yaml). Everything else moves
 * under the Application: an empty revision or `HEAD` (the default branch), a branch (`main`), a
 * version constraint (`v2026.*`, resolved to the newest matching tag), or any name that does not look
 * like a tag.
 */
function isPinned(revision: string): boolean {
  return COMMIT.test(revision) || exactChartVersion(revision) !== undefined;
}

/** A revision an ApplicationSet generator fills in (`{{.values.revision}}`) is decided elsewhere and not judged here. */
const TEMPLATED = /\{\{.*\}\}/;

/** The base source of the same Git source: at the same place, else the same repository and folder. */
function baseOf(source: GitSource, base: readonly GitSource[]): GitSource | undefined {
  return base.find((b) => b.path === source.path) ?? base.find((b) => b.repoURL === source.repoURL && b.folder === source.folder);
}

const shown = (revision: string): string => (revision === '' ? '(empty: HEAD)' : revision);

export const argocdGitRevisionUnpinned: RiskRule<'kubernetes'> = {
  id: 'argocd-git-revision-unpinned',
  engine: 'kubernetes',
  title: 'a production Git source moved from a pinned tag or commit to a moving ref (HEAD, a branch)',
  check(change, context) {
    // Development and staging follow a branch by design (the estate's tracked revisions); production is pinned.
    const head = change.head;
    if (context.tier !== 'production' || head === undefined) return [];
    const base = gitSources(change.base);
    return gitSources(head).flatMap((source): RiskFinding[] => {
      if (isPinned(source.revision) || TEMPLATED.test(source.revision)) return [];
      const before = baseOf(source, base);
      if (before !== undefined && (!isPinned(before.revision) || TEMPLATED.test(before.revision))) return [];
      const what = before === undefined ? `added following ${shown(source.revision)}` : `targetRevision ${shown(before.revision)} -> ${shown(source.revision)}`;
      return [
        {
          level: 'high',
          reason: `${unitLabel(head)}: ${source.repoURL} ${source.folder} ${what}: production follows a moving branch; every push deploys unreviewed, unpromoted changes at the next sync`,
          path: source.path,
        },
      ];
    });
  },
};
