import type { Tier } from '../../constructs/core/tier';
import type { JsonObject } from '../../constructs/kyverno/types';

export type { JsonObject, JsonValue } from '../../constructs/kyverno/types';

/**
 * One thing the diff compares across two revisions of dist/: a Kubernetes object, a Terraform block
 * of one stack, or one compliance result. Its `key` is its identity within its environment; two
 * revisions holding the same key hold the same unit (changed or not).
 */
export type EstateUnit = EnvironmentUnit | KubernetesUnit | TerraformUnit | ComplianceUnit;

export type Engine = EstateUnit['engine'];

interface UnitBase {
  readonly environment: string;
  /** Identity within the environment: `apps/v1/Deployment/ns/name`, `aws-foundation/aws_s3_bucket.state`, `rule×resource`. */
  readonly key: string;
  /** The dist/ file it was read from, relative to the repository root (`dist/k8s/prod/root/application-prod-root.yaml`). */
  readonly file: string;
  /** Its content, as the engine reads it: a Kubernetes object (Helm values parsed), an HCL block as `@cdktf/hcl2json` gives it, a report result. */
  readonly body: JsonObject;
}

/** A Kubernetes object, keyed by apiVersion/kind/namespace/name (the identity the API server and Argo CD use). */
export interface KubernetesUnit extends UnitBase {
  readonly engine: 'kubernetes';
  readonly apiVersion: string;
  readonly kind: string;
  /** Absent for cluster-scoped objects and objects that name none. */
  readonly namespace?: string;
  readonly name: string;
}

/**
 * A top-level block of a Terraform stack, keyed by stack and address: `aws_s3_bucket.state`,
 * `data.aws_iam_policy_document.x`, `provider.aws` (`provider.aws.<alias>`), `terraform.backend`,
 * `terraform.required_providers`, `output.x`, `variable.x`, `locals`.
 */
export interface TerraformUnit extends UnitBase {
  readonly engine: 'terraform';
  readonly stack: string;
  readonly address: string;
  readonly block: 'resource' | 'data' | 'provider' | 'backend' | 'required_providers' | 'output' | 'variable' | 'locals' | 'module' | 'terraform';
  /** Resource or data source type (`aws_s3_bucket`), backend type (`s3`) or provider name (`aws`). */
  readonly type?: string;
}

/** An environment's index (dist/estate/<env>/environment.json): its tier, which weighs every other change of it. */
export interface EnvironmentUnit extends UnitBase {
  readonly engine: 'environment';
  readonly tier: Tier;
}

/** One result of the compliance report (a line of dist/compliance/results/<env>.jsonl): a rule on a resource. */
export interface ComplianceUnit extends UnitBase {
  readonly engine: 'compliance';
  readonly rule: string;
  readonly resource: string;
  readonly status: string;
}

/** A short, stable name of the unit for a reviewer: `Application argocd/prod-root`, `aws-foundation: aws_s3_bucket.state`. */
export function unitLabel(unit: EstateUnit): string {
  switch (unit.engine) {
    case 'environment':
      return `environment ${unit.environment}`;
    case 'kubernetes':
      return `${unit.kind} ${unit.namespace !== undefined ? `${unit.namespace}/` : ''}${unit.name}`;
    case 'terraform':
      return `${unit.stack}: ${unit.address}`;
    case 'compliance':
      return `${unit.rule} on ${unit.resource}`;
  }
}

/** Where a unit lives, for grouping the details: the dist/k8s folder, the stack, or the compliance report. */
export function componentOf(unit: EstateUnit): string {
  switch (unit.engine) {
    case 'environment':
      return 'environment';
    case 'kubernetes':
      return unit.file.split('/').slice(3, -1).join('/') || '.';
    case 'terraform':
      return unit.stack;
    case 'compliance':
      return 'compliance report';
  }
}
