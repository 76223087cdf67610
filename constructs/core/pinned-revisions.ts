/**
 * What counts as pinned, for the spec rules and the rule on the synthesized Applications alike (one
 * definition, so the spec and the output cannot disagree on `01.2.3`).
 */

/** An exact semantic version without leading zeros, as Helm chart versions are pinned: `1.2.3`. */
export const EXACT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** A release tag of this repository: `v1.2.3`. */
export const RELEASE_TAG = /^v\d+\.\d+\.\d+$/;

/** A full Git commit SHA. */
export const COMMIT_SHA = /^[0-9a-f]{40}$/;
