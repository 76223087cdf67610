import type { CommentThread, PostedComment } from './pull-request-comment';
import { assertSameOrigin, type Fetch, idText, isRecord, RestError, restCall } from './rest-request';

// Bitbucket Cloud's pull-request comments, REST API 2.0:
// https://developer.atlassian.com/cloud/bitbucket/rest/api-group-pullrequests/
//   GET  /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments               a page:
//        { values: [comment], next?: URL of the next page, pagelen, page, size } (?pagelen=100: fewer calls
//        than the default 10 a page; `next` keeps the query)
//   POST /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments               { content: { raw } } -> 201
//   PUT  /repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}  { content: { raw } } -> 200
// A comment is { id: number, content: { raw, markup, html }, user: { type, uuid, display_name },
// deleted: boolean, inline?: { path, from, to }, created_on }. An access token authenticates as
// `Authorization: Bearer <token>` (the page's own curl examples); commenting needs the pullrequest:write scope
// (https://support.atlassian.com/bitbucket-cloud/docs/repository-access-token-permissions/).

export const BITBUCKET_API_URL = 'https://api.bitbucket.org/2.0';

/**
 * Bitbucket refuses a comment of 32,768 characters or more ("Please enter a non-empty value less than
 * 32768 characters"). Atlassian's API reference states no limit; the figure is what clients that post to
 * Bitbucket Cloud enforce (jfrog/froggit-go's vcsclient: bitbucketPrContentSizeLimit = 32768, which its
 * BitbucketCloudClient.GetPullRequestCommentSizeLimit returns; pr-agent's Bitbucket Cloud provider,
 * pr_agent/git_providers/bitbucket_provider.py, keeps under 31,000) and what users report it answering
 * (jenkinsci/violation-comments-to-stash-plugin#26, ovh/cds#5601).
 */
export const BITBUCKET_MAX_COMMENT_CHARS = 32_767;

/**
 * What Bitbucket calls the author of a comment posted with a repository, project or workspace access
 * token: a bot user of type `app_user`, not a person (Atlassian's announcement "Introducing 'App User'
 * type", developer.atlassian.com/cloud/bitbucket/announcement-introducing-app-user/, February 2023;
 * seen on pull-request comments in atlassian-api/atlassian-python-api#1529).
 */
export const ACCESS_TOKEN_USER_TYPE = 'app_user';

export interface BitbucketPullRequest {
  /** @default BITBUCKET_API_URL */
  readonly apiUrl?: string;
  /** `BITBUCKET_WORKSPACE` */
  readonly workspace: string;
  /** `BITBUCKET_REPO_SLUG` */
  readonly repoSlug: string;
  /** `BITBUCKET_PR_ID` */
  readonly id: number;
  /** An access token with pullrequest:write. */
  readonly token: string;
}

/**
 * The general comments of a pull request. "Mine" is any comment by an access token's bot user
 * (`user.type === 'app_user'`): an access token cannot ask who it is (`GET /user` answers "This API
 * is not accessible by this authentication mechanism" to a repository access token, gildas/bitbucket-cli#43),
 * and a person's comment is never taken for ours. A comment written by an earlier
 * token (since rotated) is another app user's: Bitbucket then refuses the update (403), and upsertComment
 * posts a new comment instead.
 */
export function bitbucketThread(pullRequest: BitbucketPullRequest, fetchImpl: Fetch = fetch): CommentThread {
  const api = (pullRequest.apiUrl ?? BITBUCKET_API_URL).replace(/\/+$/, '');
  const comments = `${api}/repositories/${encodeURIComponent(pullRequest.workspace)}/${encodeURIComponent(pullRequest.repoSlug)}/pullrequests/${pullRequest.id}/comments`;
  const headers = { Authorization: `Bearer ${pullRequest.token}` };
  const hint = (status: number) =>
    status === 401
      ? 'BITBUCKET_ACCESS_TOKEN is not a valid access token'
      : status === 403
        ? 'the access token needs the pullrequest:write scope, and only its author may edit a comment (one left by an earlier, rotated token)'
        : status === 404
          ? 'no such repository or pull request for this token: check BITBUCKET_WORKSPACE, BITBUCKET_REPO_SLUG and BITBUCKET_PR_ID'
          : undefined;

  return {
    limit: { maxChars: BITBUCKET_MAX_COMMENT_CHARS, provider: 'Bitbucket' },
    async list() {
      const found: (PostedComment & { readonly createdOn: string })[] = [];
      let next: string | undefined = `${comments}?pagelen=100`;
      while (next !== undefined) {
        const { json } = await restCall(fetchImpl, { method: 'GET', url: next, headers, expect: [200], hint });
        if (!isRecord(json) || !Array.isArray(json.values)) throw new RestError(`GET ${next}: expected a page of comments ({ values: [...] })`, 200);
        for (const item of json.values) {
          const comment = postedComment(item);
          if (comment !== undefined) found.push(comment);
        }
        next = typeof json.next === 'string' ? assertSameOrigin(json.next, api) : undefined;
      }
      // The reference does not promise an order: oldest first, by creation time, then id.
      return found.sort((a, b) => a.createdOn.localeCompare(b.createdOn) || Number(a.id) - Number(b.id)).map(({ id, body, mine }) => ({ id, body, mine }));
    },
    async create(body) {
      await restCall(fetchImpl, { method: 'POST', url: comments, headers, body: { content: { raw: body } }, expect: [201], hint });
    },
    async update(id, body) {
      await restCall(fetchImpl, { method: 'PUT', url: `${comments}/${encodeURIComponent(id)}`, headers, body: { content: { raw: body } }, expect: [200], hint });
    },
  };
}

/** A general comment that still exists; undefined for a deleted or inline (file and line) comment. */
function postedComment(item: unknown): (PostedComment & { readonly createdOn: string }) | undefined {
  const id = isRecord(item) ? idText(item.id) : undefined;
  if (!isRecord(item) || id === undefined) throw new RestError('a Bitbucket comment without an id', 200);
  if (item.deleted === true || item.inline !== undefined) return undefined;
  const raw = isRecord(item.content) && typeof item.content.raw === 'string' ? item.content.raw : '';
  const mine = isRecord(item.user) && item.user.type === ACCESS_TOKEN_USER_TYPE;
  return { id, body: raw, mine, createdOn: typeof item.created_on === 'string' ? item.created_on : '' };
}
