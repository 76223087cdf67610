/** How an environment follows Git: track a branch (dev), or pin an immutable tag or commit (prod). */
export type RevisionPolicy = { readonly kind: 'track'; readonly branch: string } | { readonly kind: 'pin'; readonly ref: string };

export interface GitOpsSource {
  /** HTTPS URL of this repository, as Argo CD clones it. */
  readonly repoUrl: string;
  readonly revision: RevisionPolicy;
}

/** The Git revision Argo CD deploys the repository at (an Application's `targetRevision`): the tracked branch or the pinned ref. */
export function targetRevision(source: Pick<GitOpsSource, 'revision'>): string {
  return source.revision.kind === 'track' ? source.revision.branch : source.revision.ref;
}
