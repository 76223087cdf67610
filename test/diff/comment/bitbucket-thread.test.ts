import { BITBUCKET_MAX_COMMENT_CHARS, bitbucketThread } from '../../../apps/diff/comment/bitbucket-thread';
import { CommentTooLongError, upsertComment } from '../../../apps/diff/comment/pull-request-comment';
import { COMMENT_MARKER } from '../../../apps/diff/render/markdown';
import { type Answer, type RecordedRequest, RecordingServer } from './recording-server';

const TOKEN = 'bb-repository-access-token';
const BODY = `${COMMENT_MARKER}\n### gitops-cdk diff\n\n**Risk flags: 0 high**\n`;
const COMMENTS = '/2.0/repositories/acme/estate/pullrequests/12/comments';
/** What an access token posts as, and what a person is. */
const tokenUser = { type: 'app_user', display_name: 'gitops-cdk diff', uuid: '{b0t}' };
const person = { type: 'user', display_name: 'Reviewer', uuid: '{pe0p1e}' };
const comment = (id: number, raw: string, user: object, createdOn: string, extra: object = {}) => ({
  id,
  content: { raw, markup: 'markdown', html: '<p>…</p>' },
  user,
  deleted: false,
  created_on: createdOn,
  ...extra,
});

/** Bitbucket Cloud's API under /2.0: two pages of comments linked by `next`. */
function bitbucket(write?: Answer) {
  return (request: RecordedRequest, base: string): Answer => {
    if (request.method === 'GET' && request.url === `${COMMENTS}?pagelen=100`)
      return {
        status: 200,
        json: {
          pagelen: 3,
          page: 1,
          size: 5,
          values: [
            comment(10, `${COMMENT_MARKER}\nquoted by a person`, person, '2026-11-30T09:00:00.000000+00:00'),
            comment(11, `${COMMENT_MARKER}\nan old run`, tokenUser, '2026-11-30T10:00:00.000000+00:00'),
            comment(12, `${COMMENT_MARKER}\non a line`, tokenUser, '2026-11-30T10:30:00.000000+00:00', { inline: { path: 'dist/x.yaml', to: 3 } }),
          ],
          next: `${base}${COMMENTS}?pagelen=100&page=2`,
        },
      };
    if (request.method === 'GET' && request.url === `${COMMENTS}?pagelen=100&page=2`)
      return {
        status: 200,
        json: {
          pagelen: 3,
          page: 2,
          size: 5,
          // Listed before 11 but written after it: the newest is 13, by creation time.
          values: [
            comment(13, `${COMMENT_MARKER}\na newer run`, tokenUser, '2026-12-01T08:00:00.000000+00:00'),
            comment(14, '', tokenUser, '2026-12-02T08:00:00.000000+00:00', { deleted: true }),
          ],
        },
      };
    if (request.method === 'PUT' || request.method === 'POST') return write ?? { status: request.method === 'POST' ? 201 : 200, json: { id: 99 } };
    return { status: 404, json: { type: 'error', error: { message: `no route ${request.method} ${request.url}` } } };
  };
}

describe('the Bitbucket Cloud comment thread', () => {
  let server: RecordingServer;
  let base: string;
  const start = async (answer: (request: RecordedRequest, base: string) => Answer) => {
    server = new RecordingServer(answer);
    base = await server.start();
  };
  afterEach(() => server.stop());
  const thread = () => bitbucketThread({ apiUrl: `${base}/2.0`, workspace: 'acme', repoSlug: 'estate', id: 12, token: TOKEN });

  it("follows `next` and PUTs { content: { raw } } to the newest general comment of the access token's bot user, with the bearer token", async () => {
    await start(bitbucket());
    const notes: string[] = [];
    expect(await upsertComment(thread(), BODY, (note) => notes.push(note))).toBe('updated');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${COMMENTS}?pagelen=100`, `GET ${COMMENTS}?pagelen=100&page=2`, `PUT ${COMMENTS}/13`]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(request.headers.accept).toBe('application/json');
    }
    expect(server.requests.at(-1)?.body).toEqual({ content: { raw: BODY } });
    expect(server.requests.at(-1)?.headers['content-type']).toBe('application/json');
    // 11 and 13 are both ours (the inline 12 and the deleted 14 are not general comments).
    expect(notes).toEqual([expect.stringContaining('updating the newest (13), leaving 11 as they are')]);
  });

  it('lists oldest first, a person never mine, deleted and inline comments left out', async () => {
    await start(bitbucket());
    expect((await thread().list()).map((c) => [c.id, c.mine])).toEqual([
      ['10', false],
      ['11', true],
      ['13', true],
    ]);
  });

  it('POSTs a new comment when the pull request has none of ours', async () => {
    await start((request, serverBase) =>
      request.method === 'GET' ? { status: 200, json: { values: [comment(10, 'LGTM', person, '2026-12-01T08:00:00+00:00')] } } : bitbucket()(request, serverBase),
    );
    expect(await upsertComment(thread(), BODY)).toBe('created');
    const post = server.requests.at(-1);
    expect(`${post?.method} ${post?.url}`).toBe(`POST ${COMMENTS}`);
    expect(post?.body).toEqual({ content: { raw: BODY } });
  });

  it(`refuses a comment over ${BITBUCKET_MAX_COMMENT_CHARS} characters with a clear error, sending nothing`, async () => {
    await start(bitbucket());
    const body = `${COMMENT_MARKER}\n${'x'.repeat(BITBUCKET_MAX_COMMENT_CHARS)}`;
    await expect(upsertComment(thread(), body)).rejects.toThrow(CommentTooLongError);
    await expect(upsertComment(thread(), body)).rejects.toThrow(/Bitbucket accepts at most 32,767: nothing was posted \(not truncated/);
    expect(server.requests).toEqual([]);
  });

  it('posts a new comment when the update is refused (403: our comment was written by an earlier, rotated token) and says which one is stale', async () => {
    await start((request, serverBase) =>
      request.method === 'PUT'
        ? { status: 403, json: { type: 'error', error: { message: 'You do not have permission to edit this comment.' } } }
        : bitbucket()(request, serverBase),
    );
    const notes: string[] = [];
    expect(await upsertComment(thread(), BODY, (note) => notes.push(note))).toBe('replaced');
    expect(server.requests.slice(-2).map((r) => `${r.method} ${r.url}`)).toEqual([`PUT ${COMMENTS}/13`, `POST ${COMMENTS}`]);
    expect(server.requests.at(-1)?.body).toEqual({ content: { raw: BODY } });
    expect(notes.at(-1)).toMatch(/comment 13 could not be updated \(HTTP 403: written by an earlier, since rotated, token\?\): posting a new comment instead; delete 13 by hand/);
  });

  it('explains a 403 on posting as well: the scope, or a comment left by an earlier token', async () => {
    await start(bitbucket({ status: 403, json: { type: 'error', error: { message: 'You do not have permission.' } } }));
    await expect(upsertComment(thread(), BODY)).rejects.toThrow(
      /POST http:\/\/127\.0\.0\.1:\d+\/2\.0\/repositories\/acme\/estate\/pullrequests\/12\/comments: HTTP 403 .*pullrequest:write scope.*earlier, rotated token/,
    );
  });
});
