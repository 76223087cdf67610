import type { CommentThread, PostedComment } from './pull-request-comment';
import { assertSameOrigin, type Fetch, idText, isRecord, RestError, restCall } from './rest-request';

// The REST API of GitHub's issue comments (a pull request's conversation comments are its issue's):
// https://docs.github.com/en/rest/issues/comments (API version 2022-11-28)
//   GET   /repos/{owner}/{repo}/issues/{issue_number}/comments   list, ascending ID, `per_page` up to 100,
//                                                               pages linked by the `Link` header (rel="next")
//   POST  /repos/{owner}/{repo}/issues/{issue_number}/comments   { body } -> 201, the comment
//   PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}     { body } -> 200, the comment
// A comment is { id: number, body: string, user: { login, type: 'User' | 'Bot' | ... } }. GitHub
// refuses a body over 65,536 characters ("Body is too long (maximum is 65536 characters)", 422).

/** The login GitHub Actions' GITHUB_TOKEN posts as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
export const GITHUB_MAX_COMMENT_CHARS = 65_536;

export interface GitHubPullRequest {
  /** `GITHUB_API_URL`: https://api.github.com, or a GitHub Enterprise Server's `https://HOST/api/v3`. */
  readonly apiUrl: string;
  /** `GITHUB_REPOSITORY`: `owner/name`. */
  readonly repository: string;
  readonly number: number;
  readonly token: string;
}

/**
 * The conversation of a pull request. "Mine" (the comments this run may edit) is kept simple: the
 * GitHub Actions bot (`github-actions[bot]`, type Bot: what GITHUB_TOKEN posts as), or the token's own
 * user when the token is a personal or app user token that `GET /user` answers for (GITHUB_TOKEN gets
 * 403 there, and is then only the bot).
 */
export function gitHubThread(pullRequest: GitHubPullRequest, fetchImpl: Fetch = fetch): CommentThread {
  const api = pullRequest.apiUrl.replace(/\/+$/, '');
  const [owner, name, ...rest] = pullRequest.repository.split('/');
  if (owner === undefined || owner === '' || name === undefined || name === '' || rest.length > 0)
    throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(pullRequest.repository)} is not owner/name`);
  const repo = `${api}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
  const headers = { Authorization: `Bearer ${pullRequest.token}`, 'X-GitHub-Api-Version': '2022-11-28', Accept: 'application/vnd.github+json', 'User-Agent': 'gitops-cdk-diff' };
  const hint = (status: number) =>
    status === 401
      ? 'the token is not valid'
      : status === 403 || status === 404
        ? 'the job needs `permissions: pull-requests: write`; a pull request from a fork gets a read-only GITHUB_TOKEN'
        : undefined;

  return {
    limit: { maxChars: GITHUB_MAX_COMMENT_CHARS, provider: 'GitHub' },
    async list() {
      const self = await authenticatedLogin(fetchImpl, api, headers);
      const comments: PostedComment[] = [];
      let next: string | undefined = `${repo}/issues/${pullRequest.number}/comments?per_page=100`;
      while (next !== undefined) {
        const { json, headers: answer } = await restCall(fetchImpl, { method: 'GET', url: next, headers, expect: [200], hint });
        if (!Array.isArray(json)) throw new RestError(`GET ${next}: expected a list of comments`, 200);
        for (const item of json) comments.push(postedComment(item, self));
        const link = nextLink(answer.get('link'));
        next = link === undefined ? undefined : assertSameOrigin(link, api);
      }
      return comments;
    },
    async create(body) {
      await restCall(fetchImpl, { method: 'POST', url: `${repo}/issues/${pullRequest.number}/comments`, headers, body: { body }, expect: [201], hint });
    },
    async update(id, body) {
      await restCall(fetchImpl, { method: 'PATCH', url: `${repo}/issues/comments/${encodeURIComponent(id)}`, headers, body: { body }, expect: [200], hint });
    },
  };
}

/** The `rel="next"` address of a `Link` header (`<url>; rel="next", <url>; rel="last"`). */
export function nextLink(header: string | null): string | undefined {
  for (const part of header?.split(',') ?? []) {
    const match = /^\s*<([^>]+)>\s*;(.*)$/.exec(part);
    if (match?.[1] !== undefined && /\brel="?next"?/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

/**
 * The token's own login, or undefined for GITHUB_TOKEN (an installation token: `GET /user` answers 403
 * "Resource not accessible by integration"). A 404 (a GitHub Enterprise proxy that does not route it) is
 * the same: no user, the bot rule alone.
 */
async function authenticatedLogin(fetchImpl: Fetch, api: string, headers: Readonly<Record<string, string>>): Promise<string | undefined> {
  try {
    const { json } = await restCall(fetchImpl, { method: 'GET', url: `${api}/user`, headers, expect: [200] });
    return isRecord(json) && typeof json.login === 'string' ? json.login : undefined;
  } catch (error) {
    if (error instanceof RestError && error.status !== undefined && [401, 403, 404].includes(error.status)) return undefined;
    throw error;
  }
}

function postedComment(item: unknown, self: string | undefined): PostedComment {
  const id = isRecord(item) ? idText(item.id) : undefined;
  if (!isRecord(item) || id === undefined) throw new RestError('a GitHub comment without an id', 200);
  const user = isRecord(item.user) ? item.user : {};
  const login = typeof user.login === 'string' ? user.login : undefined;
  const mine = (user.type === 'Bot' && login === ACTIONS_BOT_LOGIN) || (self !== undefined && login === self);
  return { id, body: typeof item.body === 'string' ? item.body : '', mine };
}
