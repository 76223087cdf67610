import { finding, matches, unless } from '../../../constructs/core/finding';
import { EXACT_SEMVER } from '../../../constructs/core/pinned-revisions';
import { KYVERNO_RELEASES, kyvernoReleaseOfChart, supportsKubernetes } from '../../../constructs/kyverno/kyverno-release';
import type { SpecRule } from '../../../constructs/rules/spec-rule';
import { PINS_FILE } from '../../../environments/pins';
import type { EnvironmentSpec } from '../../../environments/types';
import { NO_CONTROLS } from './support/controls';

/**
 * The kyverno chart must be a release the estate knows (its Kyverno version decides how policies
 * behave, and the engine checks build exactly that version), supporting every cluster's Kubernetes.
 */
export const specKyvernoRelease: SpecRule<EnvironmentSpec> = {
  id: 'spec-kyverno-release',
  engine: 'spec',
  level: 'error',
  title: 'Kyverno is a release the estate tests, on Kubernetes it supports',
  rationale:
    'Policies are written for, and checked against, the Kyverno versions listed in constructs/kyverno/kyverno-release.ts; another version, or one on an unsupported Kubernetes, may admit what the tests refused.',
  controls: NO_CONTROLS,
  check: (spec) => {
    const pinned = spec.charts.kyverno;
    // An inexact pin is spec-chart-pins' finding; a malformed Kubernetes version spec-kubernetes-version's.
    if (!matches(pinned, EXACT_SEMVER)) return [];
    const release = kyvernoReleaseOfChart(pinned);
    const known = KYVERNO_RELEASES.map((r) => `${r.chart} (Kyverno ${r.kyverno})`).join(', ');
    if (release === undefined) {
      return [
        finding(
          'charts.kyverno',
          pinned,
          'is not a Kyverno release the estate supports (constructs/kyverno/kyverno-release.ts): policies are written for, and checked by, the Kyverno versions listed there',
          `pin one of ${known} in ${PINS_FILE}, or add the release to KYVERNO_RELEASES and a module engines/kyverno-<version>`,
        ),
      ];
    }
    return spec.clusters.flatMap((cluster, i) =>
      unless(
        !matches(cluster.kubernetesVersion, /^\d+\.\d+$/) || supportsKubernetes(release, cluster.kubernetesVersion),
        `clusters[${i}].kubernetesVersion`,
        cluster.kubernetesVersion,
        `Kyverno ${release.kyverno} (chart ${release.chart}) supports Kubernetes ${release.kubernetes.min} to ${release.kubernetes.max} only`,
        `set kubernetesVersion between ${release.kubernetes.min} and ${release.kubernetes.max}, or pin a Kyverno release that supports it`,
      ),
    );
  },
};
