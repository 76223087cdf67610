import type { GitOpsSource } from '../argocd/gitops-source';

/** Where the runbooks are: the repository's web page, the branch and the document with a heading per alert. */
export interface RunbookLocation {
  readonly gitops: Pick<GitOpsSource, 'repoUrl'>;
  /** @default 'main' */
  readonly branch?: string;
  /** @default 'README.md' */
  readonly document?: string;
}

/**
 * Where an alert is explained: its section in the README of this repository (a heading named
 * after the alert, so GitHub's anchor is the lower-cased alert name).
 */
export function runbookUrls(location: RunbookLocation): (alert: string) => string {
  const web = location.gitops.repoUrl.replace(/\.git$/, '');
  return (alert) => `${web}/blob/${location.branch ?? 'main'}/${location.document ?? 'README.md'}#${alert.toLowerCase()}`;
}
