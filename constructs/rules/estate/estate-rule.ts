import type { Finding } from '../../core/finding';
import type { ClusterSpec } from '../../kubernetes/cluster-spec';
import type { SecretDeclaration } from '../../secrets/required-secret';
import type { RuleMetadata } from '../spec-rule';
import type { RuleEnvironment, TerraformResourceView } from '../types';
import type { LocatedObject } from './kubernetes-side';

/** Both engines' output of one environment, as estate rules read it. */
export interface EstateInput {
  readonly environment: RuleEnvironment;
  /** The environment's clusters: which one runs Argo CD, their networks and issuers. */
  readonly clusters: readonly ClusterSpec[];
  /** Every synthesized Kubernetes object of the environment, with its file. */
  readonly objects: readonly LocatedObject[];
  /** The Secrets the environment's constructs declare they read and do not hold. */
  readonly requiredSecrets: readonly SecretDeclaration[];
  /** Every resource, data source and provider of the environment's stacks (empty for Kubernetes-only rules). */
  readonly views: readonly TerraformResourceView[];
  /** The file a stack is written to (`dist/terraform/<env>/<stack>/main.tf`). */
  readonly stackFile: (stack: string) => string;
}

/** A finding of an estate rule names where it is: a file (and construct) of dist/, or a construct path. */
export interface EstateFinding extends Finding {
  readonly path: string;
}

/**
 * A rule on an environment's output as a whole: what one engine names, the other creates; what a
 * document reads, something declares. `reads` says which engines' output it needs, so that it runs
 * as soon as that output exists.
 */
export interface EstateRule extends RuleMetadata {
  readonly engine: 'estate';
  readonly reads: readonly ('kubernetes' | 'terraform')[];
  check(input: EstateInput): readonly EstateFinding[];
}
