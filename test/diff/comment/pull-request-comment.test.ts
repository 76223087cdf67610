import { type CommentThread, CommentTooLongError, type PostedComment, upsertComment } from '../../../apps/diff/comment/pull-request-comment';
import { RestError } from '../../../apps/diff/comment/rest-request';
import { COMMENT_MARKER } from '../../../apps/diff/render/markdown';

/** A pull request's comments in memory, oldest first, recording what the upsert does to them. */
class MemoryThread implements CommentThread {
  readonly created: string[] = [];
  readonly updated: { id: string; body: string }[] = [];
  constructor(
    private readonly comments: PostedComment[],
    readonly limit?: CommentThread['limit'],
    private readonly updateRefusal?: RestError,
  ) {}
  async list(): Promise<readonly PostedComment[]> {
    return this.comments;
  }
  async create(body: string): Promise<void> {
    this.created.push(body);
  }
  async update(id: string, body: string): Promise<void> {
    if (this.updateRefusal !== undefined) throw this.updateRefusal;
    this.updated.push({ id, body });
  }
}

const comment = (summary: string) => `${COMMENT_MARKER}\n### gitops-cdk diff\n\n${summary}\n`;
const human = (id: string, body: string): PostedComment => ({ id, body, mine: false });
const ours = (id: string, body: string): PostedComment => ({ id, body, mine: true });

describe('upsertComment', () => {
  it('creates the comment when the pull request has none of ours', async () => {
    const thread = new MemoryThread([human('1', 'LGTM'), ours('2', 'a comment of the bot without the marker')]);
    expect(await upsertComment(thread, comment('1 high'))).toBe('created');
    expect(thread.created).toEqual([comment('1 high')]);
    expect(thread.updated).toEqual([]);
  });

  it('updates our marked comment in place when the diff changed', async () => {
    const thread = new MemoryThread([human('1', 'LGTM'), ours('7', comment('1 high')), human('9', 'fixed?')]);
    expect(await upsertComment(thread, comment('0 high'))).toBe('updated');
    expect(thread.updated).toEqual([{ id: '7', body: comment('0 high') }]);
    expect(thread.created).toEqual([]);
  });

  it('leaves our comment alone when it already says the same (line ends and a final newline aside)', async () => {
    const thread = new MemoryThread([ours('7', comment('1 high').replace(/\n/g, '\r\n').trimEnd())]);
    expect(await upsertComment(thread, comment('1 high'))).toBe('unchanged');
    expect(thread.updated).toEqual([]);
    expect(thread.created).toEqual([]);
  });

  it('after a race left several, updates the newest, leaves the others and says so', async () => {
    const thread = new MemoryThread([ours('3', comment('old')), human('4', 'hm'), ours('5', comment('older race'))]);
    const notes: string[] = [];
    expect(await upsertComment(thread, comment('new'), (note) => notes.push(note))).toBe('updated');
    expect(thread.updated).toEqual([{ id: '5', body: comment('new') }]);
    expect(notes).toEqual([expect.stringMatching(/2 gitops-cdk diff comments found .*updating the newest \(5\), leaving 3 as they are/)]);
  });

  it('posts a new comment when the provider refuses to update ours (403: an earlier, rotated token wrote it) and names the stale one', async () => {
    const thread = new MemoryThread([ours('7', comment('1 high'))], undefined, new RestError('PUT …/comments/7: HTTP 403', 403));
    const notes: string[] = [];
    expect(await upsertComment(thread, comment('0 high'), (note) => notes.push(note))).toBe('replaced');
    expect(thread.created).toEqual([comment('0 high')]);
    expect(notes).toEqual([expect.stringMatching(/comment 7 could not be updated \(HTTP 403.*delete 7 by hand, its verdict is stale/)]);
  });

  it('does not post a second comment when the update fails otherwise (a 500, no answer)', async () => {
    const thread = new MemoryThread([ours('7', comment('1 high'))], undefined, new RestError('PUT …/comments/7: HTTP 500', 500));
    await expect(upsertComment(thread, comment('0 high'))).rejects.toThrow('HTTP 500');
    expect(thread.created).toEqual([]);
  });

  it('ignores a marked comment that is not ours (a person quoting it) and creates our own', async () => {
    const thread = new MemoryThread([human('1', comment('quoted by a reviewer'))]);
    expect(await upsertComment(thread, comment('1 high'))).toBe('created');
    expect(thread.updated).toEqual([]);
  });

  it("refuses a body over the provider's limit before listing or posting anything", async () => {
    const thread = new MemoryThread([ours('7', comment('x'))], { maxChars: 100, provider: 'Bitbucket' });
    const body = comment('y'.repeat(200));
    await expect(upsertComment(thread, body)).rejects.toThrow(CommentTooLongError);
    await expect(upsertComment(thread, body)).rejects.toThrow(`the comment has ${body.length} characters; Bitbucket accepts at most 100: nothing was posted`);
    expect(thread.updated).toEqual([]);
    expect(thread.created).toEqual([]);
  });
});
