/**
 * Types for the parts of Kyverno's `kyverno.io/v1` ClusterPolicy and `kyverno.io/v2`
 * PolicyException that gitops-cdk writes. Kyverno publishes no npm types; these follow the upstream
 * CRD schemas (kyverno.io_clusterpolicies.yaml, kyverno.io_policyexceptions.yaml) field for field,
 * and the tests validate every synthesized object against those schemas.
 */

export type FailureActionValue = 'Audit' | 'Enforce';

/** What the API server does when Kyverno's webhook errors or times out. */
export type WebhookFailurePolicy = 'Fail' | 'Ignore';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

export interface FailureActionOverride {
  readonly action: FailureActionValue;
  readonly namespaceSelector: LabelSelector;
}

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface ResourceDescription {
  /** Absent only in `exclude` blocks, where a namespace list alone excludes every kind. */
  readonly kinds?: readonly string[];
  readonly names?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly selector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly operations?: readonly AdmissionOperation[];
}

/** A user, group or service account an admission request came from. */
export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

export interface ResourceFilter {
  readonly resources: ResourceDescription;
  readonly subjects?: readonly Subject[];
  readonly clusterRoles?: readonly string[];
}

/** `any`: one filter must match; `all`: every filter must match. */
export type MatchResources = { readonly any: readonly ResourceFilter[] } | { readonly all: readonly ResourceFilter[] };

/** JSON as it appears in a Kubernetes object. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export type JsonObject = { readonly [key: string]: JsonValue };

/** A pattern is a partial resource with Kyverno's pattern operators in the leaf strings. */
export type Pattern = { readonly [key: string]: PatternValue };
export type PatternValue = string | number | boolean | null | Pattern | readonly PatternValue[];

export type ConditionOperator = 'Equals' | 'NotEquals' | 'AnyIn' | 'AllIn' | 'AnyNotIn' | 'AllNotIn' | 'GreaterThan' | 'GreaterThanOrEquals' | 'LessThan' | 'LessThanOrEquals';

/** A JMESPath condition: `key` is usually a `{{ request.object... }}` expression. */
export interface Condition {
  readonly key: JsonValue;
  readonly operator: ConditionOperator;
  readonly value: JsonValue;
  readonly message?: string;
}

export type Conditions = { readonly any: readonly Condition[] } | { readonly all: readonly Condition[] };

export type PodSecurityLevel = 'baseline' | 'restricted';

export interface PodSecurity {
  readonly level: PodSecurityLevel;
  /** Pod Security Standards version, e.g. `latest` or `v1.30`. */
  readonly version: string;
}

/** Runs a check for every element of a JMESPath list, e.g. every container. */
export interface ForEachValidation {
  readonly list: string;
  readonly pattern?: Pattern;
  readonly deny?: { readonly conditions: Conditions };
}

/** Exactly one way of validating per rule, as Kyverno requires. */
export type ValidationCheck =
  | { readonly pattern: Pattern }
  | { readonly anyPattern: readonly Pattern[] }
  | { readonly deny: { readonly conditions: Conditions } }
  | { readonly podSecurity: PodSecurity }
  | { readonly foreach: readonly ForEachValidation[] };

export type ValidateBlock = ValidationCheck & {
  readonly message: string;
  readonly failureAction: FailureActionValue;
  readonly failureActionOverrides?: readonly FailureActionOverride[];
};

export interface MutateBlock {
  readonly patchStrategicMerge: Pattern;
}

export interface GenerateBlock {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** Keep the generated object in line with the policy: edits and deletions are reverted. */
  readonly synchronize: boolean;
  /** Also generate for matching objects that existed before the policy. */
  readonly generateExisting: boolean;
  readonly data: JsonObject;
}

/** Sigstore keyless: the certificate identity a signature must carry. */
export interface KeylessAttestor {
  readonly subject: string;
  readonly issuer: string;
  readonly rekor: { readonly url: string };
}

export interface VerifyImagesBlock {
  readonly imageReferences: readonly string[];
  readonly failureAction: FailureActionValue;
  readonly attestors: readonly { readonly entries: readonly { readonly keyless: KeylessAttestor }[] }[];
  readonly mutateDigest: boolean;
  readonly verifyDigest: boolean;
  readonly required: boolean;
}

export interface Rule {
  readonly name: string;
  readonly match: MatchResources;
  readonly exclude?: MatchResources;
  readonly preconditions?: Conditions;
  readonly validate?: ValidateBlock;
  readonly mutate?: MutateBlock;
  readonly generate?: GenerateBlock;
  readonly verifyImages?: readonly VerifyImagesBlock[];
}

export interface ClusterPolicySpec {
  readonly background: boolean;
  readonly webhookConfiguration: { readonly failurePolicy: WebhookFailurePolicy };
  readonly rules: readonly Rule[];
}

export interface PolicyExceptionSpec {
  readonly background: boolean;
  readonly exceptions: readonly { readonly policyName: string; readonly ruleNames: readonly string[] }[];
  readonly match: MatchResources;
}
