import type { ObjectMetadata } from '../synth/kube-manifest';
import type { RuleDefinition } from './rule-definition';
import type { JsonObject, JsonValue } from './types';

/** Policy Reporter and Kyverno's own reports read these four values. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/**
 * The controls a policy supports, per framework (empty where it supports none). They are written
 * to the policy as annotations so reports and auditors can filter by framework.
 */
export interface ComplianceControls {
  /** SOC 2 Trust Services Criteria, e.g. `CC6.1`. */
  readonly soc2: readonly string[];
  /** PCI DSS v4.0 requirements, e.g. `2.2.1`. */
  readonly pciDss: readonly string[];
  /** ISO/IEC 27001:2022 Annex A controls, e.g. `A.8.9`. */
  readonly iso27001: readonly string[];
  /** CIS Kubernetes Benchmark recommendations, e.g. `5.2.2`. */
  readonly cisKubernetes: readonly string[];
}

/** A Kubernetes object used as a test case: what the Kyverno CLI reads as a resource. */
export interface KubeResource {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMetadata;
  readonly spec?: JsonObject;
  readonly data?: JsonObject;
  readonly type?: JsonValue;
}

/** The result the Kyverno CLI must report for the case. */
export type CaseExpectation = 'pass' | 'fail' | 'skip';

/**
 * One resource run through one rule, emitted as a Kyverno CLI test. Validate and verifyImages
 * rules need a `pass` and a `fail` case; mutate and generate rules a `pass` case with the object
 * they produce and a `skip` case (Kyverno reports no `fail` for them).
 */
export interface PolicyCase {
  /** Why this resource must give this result. */
  readonly description: string;
  /** Name of the rule definition (before canary or A/B splits). */
  readonly rule: string;
  readonly expect: CaseExpectation;
  readonly resource: KubeResource;
  /** Labels of the resource's namespace, for rules that select namespaces (A/B variants, canary). */
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  /** Admission request values the rule reads, e.g. `{ 'request.operation': 'DELETE' }`. */
  readonly request?: Readonly<Record<string, string>>;
  /** mutate: the object after the patch; generate: the object generated. */
  readonly produces?: KubeResource;
}

/**
 * An A/B test: two versions of the same rules, chosen by a namespace label. Namespaces labelled
 * `<label>=b` run variant `b`; every other namespace runs `a`. Both are synthesized into the
 * policy as rules named `<rule>-a` and `<rule>-b`, so policy reports show each variant's results.
 */
export interface AbTest {
  readonly label: string;
  readonly hypothesis: string;
  readonly a: readonly RuleDefinition[];
  readonly b: readonly RuleDefinition[];
}

/**
 * Where a policy is synced: `every-cluster` (the default), or `management-cluster` for policies on
 * kinds whose CRDs exist only where Argo CD runs. Kyverno refuses a policy whose kinds the cluster
 * cannot resolve, and a refused object fails the whole sync of its folder.
 */
export type PolicyPlacement = 'every-cluster' | 'management-cluster';

/**
 * A catalog entry: everything about one revision of a policy except how strictly an environment
 * applies it (that is the environment's lifecycle stage, see constructs/kyverno/policy-lifecycle.ts).
 */
export interface PolicyDefinition {
  /** DNS-label name of the ClusterPolicy. */
  readonly name: string;
  readonly title: string;
  readonly category: string;
  readonly severity: Severity;
  readonly description: string;
  /** Catalog release that introduced this revision, e.g. `1.1.0`; environments pin a release. */
  readonly release: string;
  readonly controls: ComplianceControls;
  readonly rules: readonly RuleDefinition[];
  readonly abTest?: AbTest;
  /**
   * Also scan existing resources, not only admission requests, so reports cover what already
   * runs. Off only for rules that read admission data (`request.operation`). @default true
   */
  readonly background?: boolean;
  /** @default 'every-cluster' */
  readonly placement?: PolicyPlacement;
  readonly cases: readonly PolicyCase[];
}
