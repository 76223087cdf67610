import { gitHubThread, nextLink } from '../../../apps/diff/comment/github-thread';
import { upsertComment } from '../../../apps/diff/comment/pull-request-comment';
import { COMMENT_MARKER } from '../../../apps/diff/render/markdown';
import { type Answer, type RecordedRequest, RecordingServer } from './recording-server';

const TOKEN = 'ghs_test-token';
const BODY = `${COMMENT_MARKER}\n### gitops-cdk diff\n\n**Risk flags: 1 high**\n`;
const bot = { login: 'github-actions[bot]', type: 'Bot' };
const person = { login: 'reviewer', type: 'User' };

/** GitHub's API under a GitHub Enterprise Server style prefix (`/api/v3`), two pages of comments. */
function gitHub(options: { readonly self?: string; readonly secondPage: readonly unknown[]; readonly write?: Answer }) {
  return (request: RecordedRequest, base: string): Answer => {
    const url = request.url;
    if (request.method === 'GET' && url === '/api/v3/user')
      return options.self ? { status: 200, json: { login: options.self } } : { status: 403, json: { message: 'Resource not accessible by integration' } };
    if (request.method === 'GET' && url === '/api/v3/repos/acme/estate/issues/12/comments?per_page=100')
      return {
        status: 200,
        json: [
          { id: 501, body: `${COMMENT_MARKER}\nquoted`, user: person },
          { id: 502, body: `${COMMENT_MARKER}\nold run`, user: bot },
        ],
        // GitHub's own links address the repository by id, with the same query plus the page.
        headers: {
          Link: `<${base}/api/v3/repositories/77/issues/12/comments?per_page=100&page=2>; rel="next", <${base}/api/v3/repositories/77/issues/12/comments?per_page=100&page=2>; rel="last"`,
        },
      };
    if (request.method === 'GET' && url === '/api/v3/repositories/77/issues/12/comments?per_page=100&page=2') return { status: 200, json: options.secondPage };
    if (request.method === 'PATCH' || request.method === 'POST') return options.write ?? { status: request.method === 'POST' ? 201 : 200, json: { id: 600 } };
    return { status: 404, json: { message: `no route ${request.method} ${url}` } };
  };
}

describe('the GitHub comment thread', () => {
  let server: RecordingServer;
  let base: string;
  const start = async (answer: (request: RecordedRequest, base: string) => Answer) => {
    server = new RecordingServer(answer);
    base = await server.start();
  };
  afterEach(() => server.stop());
  const thread = () => gitHubThread({ apiUrl: `${base}/api/v3/`, repository: 'acme/estate', number: 12, token: TOKEN });

  it('reads both pages and PATCHes the newest github-actions[bot] comment with the marker, with the token and API version', async () => {
    await start(
      gitHub({
        secondPage: [
          { id: 503, body: `${COMMENT_MARKER}\nnewer run`, user: bot },
          { id: 504, body: 'thanks', user: person },
        ],
      }),
    );
    expect(await upsertComment(thread(), BODY)).toBe('updated');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v3/user',
      'GET /api/v3/repos/acme/estate/issues/12/comments?per_page=100',
      'GET /api/v3/repositories/77/issues/12/comments?per_page=100&page=2',
      'PATCH /api/v3/repos/acme/estate/issues/comments/503',
    ]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers['x-github-api-version']).toBe('2022-11-28');
      expect(request.headers.accept).toBe('application/vnd.github+json');
    }
    expect(server.requests.at(-1)?.body).toEqual({ body: BODY });
    expect(server.requests.at(-1)?.headers['content-type']).toBe('application/json');
  });

  it("takes the token's own user's comments for ours when GET /user answers (a personal token), and POSTs when none has the marker", async () => {
    await start(gitHub({ self: 'estate-ci', secondPage: [{ id: 503, body: 'no marker', user: { login: 'estate-ci', type: 'User' } }] }));
    // 502 is the Actions bot's, not this token's user's: still ours by the documented rule.
    expect(await upsertComment(thread(), BODY)).toBe('updated');
    expect(server.requests.at(-1)?.url).toBe('/api/v3/repos/acme/estate/issues/comments/502');

    const list = await thread().list();
    expect(list.map((c) => [c.id, c.mine])).toEqual([
      ['501', false],
      ['502', true],
      ['503', true],
    ]);
  });

  it('POSTs a new comment to the issue comments of the pull request when none of ours exists', async () => {
    await start((request, serverBase) =>
      request.url.includes('/issues/12/comments') && request.method === 'GET' ? { status: 200, json: [] } : gitHub({ secondPage: [] })(request, serverBase),
    );
    expect(await upsertComment(thread(), BODY)).toBe('created');
    const post = server.requests.at(-1);
    expect(`${post?.method} ${post?.url}`).toBe('POST /api/v3/repos/acme/estate/issues/12/comments');
    expect(post?.body).toEqual({ body: BODY });
  });

  it("says what a 403 on posting means (the job's permissions, a fork's read-only token) and never prints the token", async () => {
    await start(gitHub({ secondPage: [], write: { status: 403, json: { message: 'Resource not accessible by integration' } } }));
    const notes: string[] = [];
    const failure = upsertComment(thread(), `${COMMENT_MARKER}\nother`, (note) => notes.push(note));
    // The refused update is retried as a new comment, which is refused too.
    await expect(failure).rejects.toThrow(/POST http:\/\/127\.0\.0\.1:\d+\/api\/v3\/repos\/acme\/estate\/issues\/12\/comments: HTTP 403 .*Resource not accessible by integration/);
    expect(server.requests.slice(-2).map((r) => r.method)).toEqual(['PATCH', 'POST']);
    expect(notes).toEqual([expect.stringContaining('comment 502 could not be updated (HTTP 403')]);
    await expect(upsertComment(thread(), `${COMMENT_MARKER}\nother`)).rejects.toThrow(/pull-requests: write.*fork gets a read-only GITHUB_TOKEN/);
    await expect(upsertComment(thread(), `${COMMENT_MARKER}\nother`)).rejects.not.toThrow(TOKEN);
  });

  it('refuses to follow a next page on another origin (the token would go with it)', async () => {
    await start((request, serverBase) =>
      request.url === '/api/v3/repos/acme/estate/issues/12/comments?per_page=100'
        ? { status: 200, json: [], headers: { Link: '<https://elsewhere.example/comments?page=2>; rel="next"' } }
        : gitHub({ secondPage: [] })(request, serverBase),
    );
    await expect(thread().list()).rejects.toThrow('the next page https://elsewhere.example/comments is not on');
  });
});

describe('nextLink', () => {
  it('finds rel="next" among the links, and nothing on the last page', () => {
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next"')).toBe('https://api.github.com/x?page=3');
    expect(nextLink('<https://api.github.com/x?page=1>; rel="first", <https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
});
