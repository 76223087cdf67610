import type { JsonObject } from '../../../estate-unit';
import { booleanAt, preventsDestroy } from '../terraform-body';

/** What a protection keeps from happening to the stored state or reports. */
export type ProtectionKind = 'encryption' | 'versioning' | 'public access' | 'TLS-only' | 'locking' | 'retention' | 'replication' | 'authentication' | 'deletion protection';

/** A protection's level as configured: a higher strength protects more; `shown` is how the reason names it. */
export interface Reading {
  readonly strength: number;
  readonly shown: string;
  /**
   * The entries the setting lets in (networks, subnets), when it is a list: one the base did not
   * allow widens access even when the strength stays (another IP range on the firewall).
   */
  readonly allows?: readonly string[];
}

/**
 * One protection a block gives its storage. The diff sees one block at a time, so each reading is
 * of that block alone: encryption of a bucket is read from its `_server_side_encryption_configuration`
 * resource, the TLS-only deny from its policy document.
 */
export interface StorageProtection {
  readonly kind: ProtectionKind;
  /** The field, written as FieldChange paths are (`versioning_configuration[0].status`). */
  readonly path: string;
  /** The reading of the block's declared value, or undefined when the block does not declare it. */
  readonly read: (body: JsonObject) => Reading | undefined;
  /**
   * What an undeclared value means: the provider's default, or `kept` for an Optional+Computed
   * attribute (the provider keeps the current value, Terraform stops enforcing it).
   */
  readonly undeclared: Reading | 'kept';
  /**
   * What remains when the block is not there (removed, or not yet added): by default nothing. A
   * resource whose deletion resets the setting says what it resets to (S3 falls back to SSE-S3).
   * `not compared`: a block added or removed says nothing about this protection (a lifecycle
   * configuration added with a new bucket, or removed so that nothing expires any more).
   */
  readonly absent?: Reading | 'not compared';
  /** Why losing it matters, in a phrase: `old state versions are no longer kept`. */
  readonly why: string;
}

/** The protections of one block type: a resource, a data source (policy documents) or a backend. */
export interface ProtectedType {
  readonly block: 'resource' | 'data' | 'backend';
  readonly type: string;
  readonly protections: readonly StorageProtection[];
}

/** Readers for the tables. */
export function reading(strength: number, shown: string): Reading {
  return { strength, shown };
}

/** A boolean protection: `true` protects (`protectsWhen` flips it for `allow_*` attributes). */
export function flag(value: boolean | undefined, protectsWhen = true): Reading | undefined {
  if (value === undefined) return undefined;
  return reading(value === protectsWhen ? 1 : 0, String(value));
}

/**
 * `lifecycle { prevent_destroy = true }`: Terraform refuses a plan that destroys the resource. Turning
 * it off (or dropping the lifecycle block) lets the next plan that replaces or removes the storage through.
 */
export function preventDestroyProtection(what: string): StorageProtection {
  return {
    kind: 'deletion protection',
    path: 'lifecycle[0].prevent_destroy',
    read: (body) => (preventsDestroy(body) ? reading(1, 'prevent_destroy = true') : reading(0, 'prevent_destroy = false')),
    undeclared: reading(0, 'prevent_destroy = false'),
    why: `Terraform no longer refuses a plan that destroys ${what}`,
  };
}

/** `force_destroy = true` (S3, Cloud Storage; Optional, default false): destroying the bucket deletes every object and version in it first instead of failing. */
export function forceDestroyProtection(): StorageProtection {
  return {
    kind: 'deletion protection',
    path: 'force_destroy',
    read: (body) => flag(booleanAt(body, 'force_destroy'), false),
    undeclared: reading(1, 'false (default)'),
    why: 'destroying the bucket empties it, versions included, instead of failing while it holds objects',
  };
}
