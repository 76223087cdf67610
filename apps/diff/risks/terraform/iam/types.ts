import type { JsonObject } from '../../../estate-unit';

/** One way the head grants or trusts more than the base. */
export interface Widening {
  /** What widened, with the values: `statement ManageS3: actions s3:GetObject -> s3:*`. */
  readonly what: string;
  /** The field, as FieldChange paths write it, when there is one. */
  readonly path?: string;
  /** A trust (who may assume or impersonate) rather than a grant (what may be done). */
  readonly trust?: boolean;
}

/** How one IAM block type widens. `base` is undefined for a block added, `head` for one removed. */
export interface IamType {
  readonly block: 'resource' | 'data';
  readonly type: string;
  readonly widenings: (base: JsonObject | undefined, head: JsonObject | undefined) => readonly Widening[];
}

/** `*` and `?` wildcards as IAM, Azure and GCP use them in names and patterns. */
export function wildcardMatches(pattern: string, value: string, caseInsensitive = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's').test(value);
}
