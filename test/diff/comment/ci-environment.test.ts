import { CommandLineError } from '../../../apps/command-line';
import {
  bitbucketPullRequestFromEnvironment,
  CiEnvironmentError,
  DEFAULT_GITHUB_API_URL,
  gitHubPullRequestFromEnvironment,
  readDiffCommentCommandLine,
} from '../../../apps/diff/comment/ci-environment';

const event = (payload: unknown) => () => JSON.stringify(payload);

describe('the CI environment of npm run diff:comment', () => {
  it("reads GitHub's pull request from the event payload, and github.com's API when GITHUB_API_URL is unset", () => {
    const env = { GITHUB_REPOSITORY: 'acme/estate', GITHUB_EVENT_PATH: '/e.json', GITHUB_TOKEN: 't' };
    expect(gitHubPullRequestFromEnvironment(env, event({ pull_request: { number: 12 } }))).toEqual({
      apiUrl: DEFAULT_GITHUB_API_URL,
      repository: 'acme/estate',
      number: 12,
      token: 't',
    });
    expect(gitHubPullRequestFromEnvironment({ ...env, GITHUB_API_URL: 'https://ghe.example/api/v3' }, event({ pull_request: { number: 3 } })).apiUrl).toBe(
      'https://ghe.example/api/v3',
    );
  });

  it('takes an empty variable for a missing one (an unset secret expands to "")', () => {
    expect(() => gitHubPullRequestFromEnvironment({ GITHUB_REPOSITORY: 'acme/estate', GITHUB_EVENT_PATH: '/e.json', GITHUB_TOKEN: '' }, event({}))).toThrow(
      /--provider github: an environment variable is missing:\n {2}GITHUB_TOKEN: not set by default/,
    );
  });

  it('says when the event payload cannot be read', () => {
    const unreadable = () => {
      throw new Error('ENOENT: no such file');
    };
    expect(() => gitHubPullRequestFromEnvironment({ GITHUB_REPOSITORY: 'a/b', GITHUB_EVENT_PATH: '/gone.json', GITHUB_TOKEN: 't' }, unreadable)).toThrow(
      'GITHUB_EVENT_PATH /gone.json: not a readable JSON event payload (ENOENT: no such file)',
    );
  });

  it("reads Bitbucket's pull request and refuses a BITBUCKET_PR_ID that is not a number", () => {
    const env = { BITBUCKET_WORKSPACE: 'acme', BITBUCKET_REPO_SLUG: 'estate', BITBUCKET_PR_ID: '7', BITBUCKET_ACCESS_TOKEN: 't' };
    expect(bitbucketPullRequestFromEnvironment(env)).toEqual({ workspace: 'acme', repoSlug: 'estate', id: 7, token: 't' });
    expect(() => bitbucketPullRequestFromEnvironment({ ...env, BITBUCKET_PR_ID: '7a' })).toThrow(CiEnvironmentError);
    expect(() => bitbucketPullRequestFromEnvironment({ ...env, BITBUCKET_PR_ID: '7a' })).toThrow('BITBUCKET_PR_ID "7a" is not a pull request number');
  });

  it('needs --provider and --body on the command line', () => {
    expect(readDiffCommentCommandLine(['--provider', 'bitbucket', '--body', 'c.md'])).toEqual({ help: false, options: { provider: 'bitbucket', bodyFile: 'c.md' } });
    expect(() => readDiffCommentCommandLine(['--body', 'c.md'])).toThrow(CommandLineError);
    expect(() => readDiffCommentCommandLine(['--provider', 'github'])).toThrow('--body is required');
    expect(readDiffCommentCommandLine(['--help'])).toEqual({ help: true });
  });
});
