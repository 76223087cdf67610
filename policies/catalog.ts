import { compareReleases } from '../constructs/kyverno/catalog-release';
import type { PolicyDefinition } from '../constructs/kyverno/policy-definition';
import { addDefaultNetworkPolicy } from './add-default-network-policy';
import { addDefaultPodSecurityContext } from './add-default-pod-security-context';
import { addDefaultResourceQuota, addDefaultResourceQuotaV1 } from './add-default-resource-quota';
import { allowedImageRegistries } from './allowed-image-registries';
import { argocdApplicationsNoDefaultProject } from './argocd-applications-no-default-project';
import { disallowHostNamespaces } from './disallow-host-namespaces';
import { disallowHostPath } from './disallow-host-path';
import { disallowLatestTag } from './disallow-latest-tag';
import { podSecurityBaseline } from './pod-security-baseline';
import { podSecurityRestricted } from './pod-security-restricted';
import { protectNamespacesFromDeletion } from './protect-namespaces-from-deletion';
import { requireLabels, requireLabelsV1 } from './require-labels';
import { requireProbes } from './require-probes';
import { requireRequestsLimits, requireRequestsLimitsV1 } from './require-requests-limits';
import { requireRunAsNonRoot } from './require-run-as-non-root';
import { restrictServiceTypes } from './restrict-service-types';
import { verifyImageSignatures } from './verify-image-signatures';

/**
 * Every revision of every policy. A policy changed in a later release keeps its older revision
 * here, so an environment pinned to the older release keeps running exactly what it ran.
 * One file per policy; a file may export several revisions.
 */
export const POLICY_REVISIONS: readonly PolicyDefinition[] = [
  disallowLatestTag,
  podSecurityBaseline,
  podSecurityRestricted,
  requireRequestsLimitsV1,
  requireRequestsLimits,
  allowedImageRegistries,
  requireLabelsV1,
  requireLabels,
  disallowHostNamespaces,
  disallowHostPath,
  requireRunAsNonRoot,
  requireProbes,
  restrictServiceTypes,
  addDefaultNetworkPolicy,
  addDefaultResourceQuotaV1,
  addDefaultResourceQuota,
  verifyImageSignatures,
  argocdApplicationsNoDefaultProject,
  protectNamespacesFromDeletion,
  addDefaultPodSecurityContext,
];

/** Every release, oldest first: the values an environment may pin. */
export const CATALOG_RELEASES: readonly string[] = [...new Set(POLICY_REVISIONS.map((p) => p.release))].sort(compareReleases);

/** The newest release: what `dev` should run. */
export const LATEST_CATALOG_RELEASE: string = CATALOG_RELEASES[CATALOG_RELEASES.length - 1]!;

/** The policies of one release: per policy, its newest revision not newer than the release; by name. */
export function policiesAt(release: string): PolicyDefinition[] {
  const newest = new Map<string, PolicyDefinition>();
  for (const revision of POLICY_REVISIONS) {
    if (compareReleases(revision.release, release) > 0) continue;
    const known = newest.get(revision.name);
    if (known === undefined || compareReleases(revision.release, known.release) > 0) newest.set(revision.name, revision);
  }
  return [...newest.values()].sort((a, b) => a.name.localeCompare(b.name));
}
