import type { EnvironmentSpec } from '../../environments/types';
import type { Tier } from '../core/tier';
import type { KubeManifest } from '../synth/kube-manifest';

/**
 * Compliance rules in the style of cdk-nag: one rule per file, a pure check with an id, a level,
 * what is wrong, why it matters and the controls it supports. `error` findings refuse the synth;
 * `warning` findings are reported. Both engines' rules share this shape.
 */
export type ComplianceLevel = 'error' | 'warning';

/** Controls a rule supports, per framework (empty where none applies). */
export interface ControlMappings {
  /** SOC 2 Trust Services Criteria, e.g. `CC6.1`. */
  readonly soc2: readonly string[];
  /** PCI DSS v4.0 requirements, e.g. `3.5.1`. */
  readonly pciDss: readonly string[];
  /** ISO/IEC 27001:2022 Annex A controls, e.g. `A.8.24`. */
  readonly iso27001: readonly string[];
  /** GDPR articles, e.g. `Art. 32`. */
  readonly gdpr: readonly string[];
}

export type RuleOutcome =
  | {
      readonly compliant: true;
      /**
       * The rule has nothing to check on this resource (a log bucket for the access-logging rule, a
       * role that trusts no CI): no result is recorded, as cdk-nag's NOT_APPLICABLE.
       * @default false
       */
      readonly notApplicable?: boolean;
    }
  | {
      readonly compliant: false;
      /** The offending field, e.g. `vpc_config.endpoint_public_access` or `spec.syncPolicy.automated.prune`. */
      readonly field: string;
      /** The offending value (`undefined` when the field is missing), rendered for humans by the engine. */
      readonly value: unknown;
      /** What is wrong with this resource, naming the field and value. */
      readonly problem: string;
      /** What to change. */
      readonly fix: string;
    };

interface RuleBase {
  /** Stable id, `<engine>-<what>`, e.g. `tf-state-bucket-versioning`; also the rule's file name. */
  readonly id: string;
  readonly level: ComplianceLevel;
  readonly title: string;
  /** Why it matters: the risk the rule removes. */
  readonly rationale: string;
  readonly controls: ControlMappings;
  /** Tiers whose environments run the rule. @default - every tier */
  readonly tiers?: readonly Tier[];
}

/**
 * What a view stands for: a `resource` block, a `data` block, or a `provider` block (whose
 * configuration carries what applies to every resource, e.g. AWS `default_tags`, GCP `default_labels`).
 */
export type TerraformBlockMode = 'managed' | 'data' | 'provider';

/** A synthesized Terraform resource as rules see it: resolved JSON, references as `${...}` strings. */
export interface TerraformResourceView {
  /** Stack name, e.g. `aws-foundation`. */
  readonly stack: string;
  /** Resource type, e.g. `aws_s3_bucket`; for a provider block its name, e.g. `aws`. */
  readonly type: string;
  /** Resource name in the stack, e.g. `bucket`; for a provider block its alias, or `default`. */
  readonly name: string;
  /**
   * How Terraform addresses it: `type.name` (resources), `data.type.name` (data sources),
   * `provider.type` or `provider.type.alias` (provider blocks).
   */
  readonly address: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Construct path, for error messages and suppressions. */
  readonly path: string;
  /** @default 'managed' */
  readonly mode?: TerraformBlockMode;
  /**
   * The attribute that holds the resource's tags or labels in its provider schema (`tags`,
   * `labels`, `resource_labels`), when the resource type has one; absent for types that cannot be
   * tagged. The engine reads it from the provider construct's generated class.
   * @default - not taggable
   */
  readonly tagAttribute?: string;
}

export interface TerraformRuleContext {
  readonly spec: EnvironmentSpec;
  /**
   * Every resource of the same stack, for rules about companions (a bucket's versioning resource),
   * with the stack's data sources and provider blocks (see `mode`).
   */
  readonly stackResources: readonly TerraformResourceView[];
  /** Every view of every stack of the environment, for environment-wide rules (a budget exists). */
  readonly environmentResources: readonly TerraformResourceView[];
}

export interface TerraformComplianceRule extends RuleBase {
  readonly engine: 'terraform';
  /**
   * Resource types the rule checks: `aws_s3_bucket` (resources), `data.aws_iam_policy_document`
   * (data sources), `provider.aws` (provider blocks), or `*` (every resource, not data or provider).
   */
  readonly resourceTypes: readonly string[];
  check(resource: TerraformResourceView, context: TerraformRuleContext): RuleOutcome;
}

export interface KubernetesRuleContext {
  readonly spec: EnvironmentSpec;
}

export interface KubernetesComplianceRule extends RuleBase {
  readonly engine: 'kubernetes';
  /** `apiVersion/kind` of the objects the rule checks, e.g. `kyverno.io/v1/ClusterPolicy`. */
  readonly objectTypes: readonly string[];
  check(manifest: KubeManifest, context: KubernetesRuleContext): RuleOutcome;
}

export type ComplianceRule = TerraformComplianceRule | KubernetesComplianceRule;

/** A reviewed decision not to apply a rule to one resource (or a construct subtree). */
export interface ComplianceSuppression {
  readonly rule: string;
  /** Why the rule does not apply here: at least 10 characters. */
  readonly reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) it holds; synth refuses it afterwards. */
  readonly expires: string;
}
