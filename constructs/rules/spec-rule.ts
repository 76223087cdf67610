import type { Finding } from '../core/finding';
import type { Tier } from '../core/tier';

/**
 * Controls a rule supports, per framework (empty where none applies). The same mapping for every
 * kind of rule, so the compliance report lists spec checks next to Kubernetes and Terraform rules.
 */
export interface RuleControls {
  /** SOC 2 Trust Services Criteria, e.g. `CC6.1`. */
  readonly soc2: readonly string[];
  /** PCI DSS v4.0 requirements, e.g. `3.5.1`. */
  readonly pciDss: readonly string[];
  /** ISO/IEC 27001:2022 Annex A controls, e.g. `A.8.24`. */
  readonly iso27001: readonly string[];
  /** GDPR articles, e.g. `Art. 32`. */
  readonly gdpr: readonly string[];
}

/** What every rule states about itself, whatever it checks (cdk-nag's rule metadata). */
export interface RuleMetadata {
  /** Stable id, also the rule's file name, e.g. `spec-sync-windows`. */
  readonly id: string;
  /** `error` refuses the synth; `warning` is reported. */
  readonly level: 'error' | 'warning';
  readonly title: string;
  /** Why it matters: the risk the rule removes. */
  readonly rationale: string;
  readonly controls: RuleControls;
  /** Tiers whose environments run the rule. @default - every tier */
  readonly tiers?: readonly Tier[];
}

/**
 * A rule on a typed input (an environment spec) rather than on synthesized output: a pure function
 * returning one finding per problem, field paths relative to the subject (`clusters[1].apiServer`).
 */
export interface SpecRule<S> extends RuleMetadata {
  readonly engine: 'spec';
  check(subject: S): readonly Finding[];
}

/** A finding of a fleet rule names the subject (environment) it belongs to. */
export interface FleetFinding extends Finding {
  readonly subject: string;
  /**
   * The file the finding's value lives in, when it is not the subject's spec (a policy exception
   * naming the environment). @default - where the engine places the subject's fields
   */
  readonly file?: string;
}

/** A rule across every subject at once: unique names, one owner per cluster, the promotion chain. */
export interface FleetRule<S> extends RuleMetadata {
  readonly engine: 'fleet';
  check(subjects: readonly S[]): readonly FleetFinding[];
}
