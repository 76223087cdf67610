import type { JsonObject } from '../../../estate-unit';

/**
 * How far one widening reaches, which sets the level of the finding:
 * - `widens` (the default): more actions, principals, wildcards, conditions loosened or removed, a Deny gone: high in production;
 * - `other document`: a role or policy now takes its trust or permissions from another document, which a rule seeing one block cannot read: high in production;
 * - `more resources`: the same actions on more resources (a cluster added): medium in every tier;
 * - `re-pointed`: a reference replaced by one to another block of the same type and attribute (a rename): low.
 */
export type WideningReach = 'widens' | 'other document' | 'more resources' | 're-pointed';

/** One way the head grants or trusts more than the base. */
export interface Widening {
  /** What widened, only what was added or removed: `statement ManageS3: actions +s3:*, -s3:GetObject`. */
  readonly what: string;
  /** The field, as FieldChange paths write it, when there is one. */
  readonly path?: string;
  /** A trust (who may assume or impersonate) rather than a grant (what may be done). */
  readonly trust?: boolean;
  readonly reach?: WideningReach;
  /**
   * A Deny that terraform-storage-weakened reports on state and report storage (TLS-only, KMS-only
   * uploads): the IAM rule leaves it to that rule there, so one edit gives one finding.
   */
  readonly storageProtection?: boolean;
}

/** How one IAM block type widens. `base` is undefined for a block added, `head` for one removed. */
export interface IamType {
  readonly block: 'resource' | 'data';
  readonly type: string;
  readonly widenings: (base: JsonObject | undefined, head: JsonObject | undefined) => readonly Widening[];
}
