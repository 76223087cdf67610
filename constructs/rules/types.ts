import type { Finding } from '../core/finding';
import type { Tier } from '../core/tier';
import type { ClusterSpec } from '../kubernetes/cluster-spec';
import type { KubeManifest } from '../synth/kube-manifest';
import type { BudgetSpec, InfrastructureSpec } from '../terraform/infrastructure-spec';
import type { RuleMetadata } from './spec-rule';

/**
 * Rules in the style of cdk-nag: one rule per file, a pure check with an id, a level, what is
 * wrong, why it matters and the controls it supports (`RuleMetadata`, shared with the spec and
 * fleet rules of spec-rule.ts). `error` findings refuse the synth; `warning` findings are reported.
 * Packs (packs/) say which rules each tier runs.
 */
export type RuleLevel = RuleMetadata['level'];

/** What every rule may know about the environment it checks: its name and tier, nothing more. */
export interface RuleEnvironment {
  readonly name: string;
  readonly tier: Tier;
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

/** The environment facts Terraform rules compare resources with (narrow: not the whole spec). */
export interface TerraformRuleEnvironment extends RuleEnvironment {
  /** The standard tags every taggable resource carries (`standardTags` of the environment). */
  readonly tags: Readonly<Record<string, string>>;
  readonly infrastructure: Pick<InfrastructureSpec, 'ci' | 'budget' | 'stateReplica' | 'stateVersionRetentionDays'>;
  /** The environment's clusters, by name, with how their API servers may be reached. */
  readonly clusters: readonly Pick<ClusterSpec, 'name' | 'apiAccess'>[];
  /**
   * The Velero backup stores (bucket or storage account names, `backupStore` per cloud) and the
   * days their old versions are kept (`backup.deletedBackupRetentionDays`), which differ from the
   * state's. @default - the environment has no backup store
   */
  readonly backupStores?: { readonly names: readonly string[]; readonly versionRetentionDays: number };
  /**
   * Each tenant's budget, by tenant name: a budget filtered on the `tenant` tag or label is
   * compared with it instead of `infrastructure.budget`. @default - the environment has no tenants
   */
  readonly tenantBudgets?: Readonly<Record<string, BudgetSpec>>;
}

export interface TerraformRuleContext {
  readonly environment: TerraformRuleEnvironment;
  /**
   * Every resource of the same stack, for rules about companions (a bucket's versioning resource),
   * with the stack's data sources and provider blocks (see `mode`).
   */
  readonly stackResources: readonly TerraformResourceView[];
  /** Every view of every stack of the environment, for environment-wide rules (a budget exists). */
  readonly environmentResources: readonly TerraformResourceView[];
}

/**
 * A rule on one Terraform resource, data source or provider block, seeing its stack and the whole
 * environment's views. It returns one outcome: compliant, not applicable (no result at all, as
 * cdk-nag's NOT_APPLICABLE), or the first thing wrong with the resource.
 */
export interface TerraformRule extends RuleMetadata {
  readonly engine: 'terraform';
  /**
   * Resource types the rule checks: `aws_s3_bucket` (resources), `data.aws_iam_policy_document`
   * (data sources), `provider.aws` (provider blocks), or `*` (every resource, not data or provider).
   */
  readonly resourceTypes: readonly string[];
  check(resource: TerraformResourceView, context: TerraformRuleContext): RuleOutcome;
}

export interface KubernetesRuleContext {
  readonly environment: RuleEnvironment;
  /**
   * Every object the environment renders (all components), for rules about companions: the
   * AnalysisTemplate a Rollout names must be among them.
   */
  readonly objects: readonly KubeManifest[];
}

/**
 * A rule on one synthesized Kubernetes object (as written to dist/, so it also catches what a
 * hand-written ApiObject slips in). It returns every problem of the object; none is a pass.
 */
export interface KubernetesRule extends RuleMetadata {
  readonly engine: 'kubernetes';
  /** `apiVersion/kind` of the objects the rule checks, e.g. `kyverno.io/v1/ClusterPolicy`. */
  readonly objectTypes: readonly string[];
  check(manifest: KubeManifest, context: KubernetesRuleContext): readonly Finding[];
}

/** A reviewed decision not to apply a rule to one resource (or a construct subtree). */
export interface ComplianceSuppression {
  readonly rule: string;
  /** Why the rule does not apply here: at least 10 characters. */
  readonly reason: string;
  /** Last day (UTC, `YYYY-MM-DD`) it holds; synth refuses it afterwards. */
  readonly expires: string;
}
