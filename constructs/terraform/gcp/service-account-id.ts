import { createHash } from 'node:crypto';

/** GCP service account ids: 6 to 30 characters, a lower-case letter first, no dash last. */
const MAX_LENGTH = 30;
const MIN_LENGTH = 6;
const VALID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/**
 * The service account id (the part of the e-mail before `@`) for `prefix-name`, e.g.
 * `argocd-dev-gke-euw1`. Ids longer than 30 characters are cut and end with four hex digits of a
 * hash of the full id, so that two long names sharing a beginning still get different accounts
 * and the same input always gives the same id (renaming an account replaces it).
 * @throws Error when the result would still not be a valid id (e.g. it starts with a digit).
 */
export function serviceAccountId(prefix: string, name: string): string {
  const full = `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const id = full.length <= MAX_LENGTH ? full : `${full.slice(0, MAX_LENGTH - 5).replace(/-+$/, '')}-${createHash('sha256').update(full).digest('hex').slice(0, 4)}`;
  if (id.length < MIN_LENGTH || !VALID.test(id)) {
    throw new Error(
      `service account id "${id}" (from "${prefix}" and "${name}") is not valid: GCP needs ${MIN_LENGTH}-${MAX_LENGTH} ` +
        'lower-case letters, digits and dashes, starting with a letter and not ending with a dash (rename the cluster)',
    );
  }
  return id;
}
