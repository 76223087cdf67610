import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { COMMENT_MARKER } from '../../apps/diff/render/markdown';
import { RecordingServer } from '../diff/comment/recording-server';

// Runs the real `npm run diff:comment` bundle, with only the environment each test gives it (the
// provider variables of a CI running these tests are removed).
const ROOT = join(__dirname, '..', '..');
/** Built the way `npm run diff:comment` builds it; inside node_modules so its packages resolve. */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'gitops-cdk', 'diff-comment-cli-test.cjs');
const WORK = mkdtempSync(join(tmpdir(), 'gitops-cdk-diff-comment-'));
const BODY_FILE = join(WORK, 'diff-comment.md');

const ciFree = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(GITHUB_|BITBUCKET_)/.test(name)));

function diffComment(env: Readonly<Record<string, string>>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Not spawnSync: the API these runs call is a server in this very process.
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: WORK, env: { ...ciFree, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

beforeAll(() => {
  buildSync({ entryPoints: [join(ROOT, 'apps', 'diff-comment.ts')], bundle: true, platform: 'node', target: 'node20', packages: 'external', outfile: BUNDLE, logLevel: 'warning' });
  writeFileSync(BODY_FILE, `${COMMENT_MARKER}\n### gitops-cdk diff\n\nNo change to the synthesized estate.\n`);
});

describe('npm run diff:comment', () => {
  it('names every missing GitHub variable at once, with where it comes from, and exits 2', async () => {
    const result = await diffComment({}, '--provider', 'github', '--body', BODY_FILE);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--provider github: 3 environment variables are missing:');
    expect(result.stderr).toMatch(/^ {2}GITHUB_REPOSITORY: set by GitHub Actions/m);
    expect(result.stderr).toMatch(/^ {2}GITHUB_EVENT_PATH: set by GitHub Actions .*pull_request\.number/m);
    expect(result.stderr).toMatch(/^ {2}GITHUB_TOKEN: not set by default: pass it to the step .*secrets\.GITHUB_TOKEN.*pull-requests: write/m);
    expect(result.stdout).toBe('');
  });

  it('names only the Bitbucket variables that are missing', async () => {
    const result = await diffComment({ BITBUCKET_WORKSPACE: 'acme', BITBUCKET_REPO_SLUG: 'estate' }, '--provider', 'bitbucket', '--body', BODY_FILE);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--provider bitbucket: 2 environment variables are missing:');
    expect(result.stderr).toMatch(/^ {2}BITBUCKET_PR_ID: set by Bitbucket Pipelines only in a `pull-requests:` pipeline$/m);
    expect(result.stderr).toMatch(/^ {2}BITBUCKET_ACCESS_TOKEN: .*repository access token with the pullrequest:write scope/m);
    expect(result.stderr).not.toContain('BITBUCKET_WORKSPACE:');
  });

  it('says the job must run on pull_request when the event has no pull request', async () => {
    const event = join(WORK, 'push-event.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main' }));
    const result = await diffComment(
      { GITHUB_REPOSITORY: 'acme/estate', GITHUB_EVENT_PATH: event, GITHUB_TOKEN: 't', GITHUB_EVENT_NAME: 'push' },
      '--provider',
      'github',
      '--body',
      BODY_FILE,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no pull_request.number: run this in a job triggered by pull_request (GITHUB_EVENT_NAME=push)');
  });

  it('rejects an unknown provider with the usage', async () => {
    const result = await diffComment({}, '--provider', 'gitlab', '--body', BODY_FILE);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--provider gitlab: not a provider; use github or bitbucket');
    expect(result.stderr).toContain('usage: npm run diff:comment -- --provider github|bitbucket --body FILE');
  });

  it('posts on the pull request of the GitHub event and prints what it did', async () => {
    const server = new RecordingServer((request) =>
      request.method === 'GET' ? (request.url === '/user' ? { status: 403, json: {} } : { status: 200, json: [] }) : { status: 201, json: { id: 1 } },
    );
    const api = await server.start();
    try {
      const event = join(WORK, 'pull-request-event.json');
      writeFileSync(event, JSON.stringify({ action: 'synchronize', pull_request: { number: 12 } }));
      const result = await diffComment(
        { GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/estate', GITHUB_EVENT_PATH: event, GITHUB_TOKEN: 't' },
        '--provider',
        'github',
        '--body',
        BODY_FILE,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^diff:comment: posted a new comment on GitHub pull request acme\/estate#12 \(\d+ characters\)\n$/);
      expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
        'GET /user',
        'GET /repos/acme/estate/issues/12/comments?per_page=100',
        'POST /repos/acme/estate/issues/12/comments',
      ]);
    } finally {
      await server.stop();
    }
  });
  it('posts a new comment when its old one cannot be edited (403), says so and names the stale one', async () => {
    const server = new RecordingServer((request) => {
      if (request.method === 'GET' && request.url === '/user') return { status: 403, json: {} };
      if (request.method === 'GET') return { status: 200, json: [{ id: 9, body: `${COMMENT_MARKER}\nan old verdict`, user: { login: 'github-actions[bot]', type: 'Bot' } }] };
      return request.method === 'PATCH' ? { status: 403, json: { message: 'Forbidden' } } : { status: 201, json: { id: 10 } };
    });
    const api = await server.start();
    try {
      const event = join(WORK, 'pull-request-event.json');
      writeFileSync(event, JSON.stringify({ action: 'synchronize', pull_request: { number: 12 } }));
      const result = await diffComment(
        { GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/estate', GITHUB_EVENT_PATH: event, GITHUB_TOKEN: 't' },
        '--provider',
        'github',
        '--body',
        BODY_FILE,
      );
      expect(result.status).toBe(0);
      expect(result.stderr).toContain('diff:comment: comment 9 could not be updated (HTTP 403');
      expect(result.stdout).toMatch(/^diff:comment: posted a new comment \(its earlier one could not be edited\) on GitHub pull request acme\/estate#12 /);
      expect(server.requests.slice(-2).map((r) => `${r.method} ${r.url}`)).toEqual(['PATCH /repos/acme/estate/issues/comments/9', 'POST /repos/acme/estate/issues/12/comments']);
    } finally {
      await server.stop();
    }
  });
});
