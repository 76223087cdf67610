import type { EnvironmentSpec } from '../../environments/types';

/**
 * Where an alert is explained: its section in the README of this repository (a heading named
 * after the alert, so GitHub's anchor is the lower-cased alert name).
 */
export function runbookUrls(spec: EnvironmentSpec): (alert: string) => string {
  const web = spec.gitops.repoUrl.replace(/\.git$/, '');
  return (alert) => `${web}/blob/main/README.md#${alert.toLowerCase()}`;
}
