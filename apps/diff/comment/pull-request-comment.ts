import { COMMENT_HOSTS } from '../render/markdown';
import { RestError } from './rest-request';

/** A comment already on the pull request, as the provider lists it. */
export interface PostedComment {
  readonly id: string;
  readonly body: string;
  /** Written by the identity this run posts as (the CI bot or the token's user): only those are ever edited. */
  readonly mine: boolean;
}

/** The general (not inline) comments of one pull request, over a provider's REST API. */
export interface CommentThread {
  /** Every comment, oldest first. */
  list(): Promise<readonly PostedComment[]>;
  create(body: string): Promise<void>;
  update(id: string, body: string): Promise<void>;
  /** The provider refuses a longer body: upsertComment refuses it first, with the provider named, instead of truncating. */
  readonly limit?: CommentLimit;
}

export interface CommentLimit {
  /** Characters as JavaScript counts them (UTF-16 units), never fewer than the provider counts. */
  readonly maxChars: number;
  readonly provider: string;
}

/** A body over the provider's limit: nothing was posted. */
export class CommentTooLongError extends Error {
  override readonly name = 'CommentTooLongError';
}

/** `replaced`: our comment could not be edited (403), a new one was posted beside it. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'replaced';

/**
 * Keeps ONE comment of ours per pull request: finds our comment that starts with a marker (COMMENT_HOSTS) and
 * updates it (or leaves it when it already says `body`), else creates one. When two runs raced and
 * left several, the newest is updated and the others are left as they are (deleting comments is more
 * than this token needs to do); `note` says which. A 403 on the update (the comment was written by an
 * earlier token, since rotated: Bitbucket lets only a comment's author edit it) posts a new comment, which
 * the next run finds as the newest and updates; `note` names the stale one to delete by hand.
 */
export async function upsertComment(thread: CommentThread, body: string, note: (message: string) => void = () => {}): Promise<UpsertOutcome> {
  refuseOverLimit(thread.limit, body);
  const ours = (await thread.list()).filter((comment) => comment.mine && isDiffComment(comment.body));
  const newest = ours.at(-1);
  if (newest === undefined) {
    await thread.create(body);
    return 'created';
  }
  if (ours.length > 1) {
    const older = ours.slice(0, -1).map((comment) => comment.id);
    note(`${ours.length} gitops-cdk diff comments found (two runs raced?): updating the newest (${newest.id}), leaving ${older.join(', ')} as they are`);
  }
  if (sameText(newest.body, body)) return 'unchanged';
  try {
    await thread.update(newest.id, body);
    return 'updated';
  } catch (error) {
    if (!(error instanceof RestError) || error.status !== 403) throw error;
    note(
      `comment ${newest.id} could not be updated (HTTP 403: written by an earlier, since rotated, token?): posting a new comment instead; delete ${newest.id} by hand, its verdict is stale`,
    );
  }
  // A token that may not comment at all is refused here too, with the provider's hint.
  await thread.create(body);
  return 'replaced';
}

/** Our comment: its first line is a marker of `npm run diff` (leading blank lines tolerated, as an editor may add them). */
export function isDiffComment(body: string): boolean {
  return Object.values(COMMENT_HOSTS).some(({ marker }) => body.trimStart().startsWith(marker));
}

/** Throws a CommentTooLongError when `body` is over `limit`. */
export function refuseOverLimit(limit: CommentLimit | undefined, body: string): void {
  if (limit === undefined || body.length <= limit.maxChars) return;
  throw new CommentTooLongError(
    `the comment has ${body.length.toLocaleString('en-US')} characters; ${limit.provider} accepts at most ${limit.maxChars.toLocaleString('en-US')}: nothing was posted (not truncated: a cut comment would hide flags)`,
  );
}

/** Providers store the body as sent, but a browser edit turns line ends into CRLF and may drop the final newline. */
function sameText(posted: string, body: string): boolean {
  const normalise = (text: string) => text.replace(/\r\n/g, '\n').trimEnd();
  return normalise(posted) === normalise(body);
}
