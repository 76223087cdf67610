/**
 * Types for the parts of Kyverno's `kyverno.io/v1` ClusterPolicy that gitops-cdk writes. Kyverno
 * publishes no npm types; these follow the upstream CRD schema (kyverno.io_clusterpolicies.yaml)
 * field for field, and the tests validate the output against it.
 */

export type FailureActionValue = 'Audit' | 'Enforce';

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
}

export interface FailureActionOverride {
  readonly action: FailureActionValue;
  readonly namespaceSelector: LabelSelector;
}

export interface ResourceDescription {
  readonly kinds: readonly string[];
  readonly namespaces?: readonly string[];
  readonly selector?: LabelSelector;
}

export interface ResourceFilter {
  readonly resources: ResourceDescription;
}

export interface MatchResources {
  readonly any: readonly ResourceFilter[];
}

/** A pattern is a partial resource with Kyverno's pattern operators in the leaf strings. */
export type Pattern = { readonly [key: string]: PatternValue };
export type PatternValue = string | number | boolean | Pattern | readonly Pattern[];

export interface ValidateRule {
  readonly message: string;
  readonly failureAction: FailureActionValue;
  readonly failureActionOverrides?: readonly FailureActionOverride[];
  readonly pattern: Pattern;
}

export interface Rule {
  readonly name: string;
  readonly match: MatchResources;
  readonly exclude?: MatchResources;
  readonly validate: ValidateRule;
}

export interface ClusterPolicySpec {
  readonly background: boolean;
  readonly rules: readonly Rule[];
}
