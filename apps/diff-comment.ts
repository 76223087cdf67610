import { readFileSync } from 'node:fs';
import { CommandLineError, helpText } from './command-line';
import { bitbucketThread } from './diff/comment/bitbucket-thread';
import {
  bitbucketPullRequestFromEnvironment,
  CiEnvironmentError,
  DIFF_COMMENT_COMMAND,
  type DiffCommentOptions,
  gitHubPullRequestFromEnvironment,
  readDiffCommentCommandLine,
} from './diff/comment/ci-environment';
import { gitHubThread } from './diff/comment/github-thread';
import { type CommentThread, upsertComment } from './diff/comment/pull-request-comment';

/**
 * `npm run diff:comment`: posts the diff's Markdown comment on the pull request this CI run is for,
 * or updates the one it posted before. Exit 0, or 2 when nothing could be posted (the message says why).
 */
async function main(): Promise<number> {
  const commandLine = readDiffCommentCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(DIFF_COMMENT_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  // The environment first: a missing token is reported even when the body file is missing too.
  const { thread, where } = pullRequestThread(options);
  const body = readBody(options.bodyFile);
  const outcome = await upsertComment(thread, body, (note) => console.error(`diff:comment: ${note}`));
  const did = {
    created: 'posted a new comment on',
    updated: 'updated its comment on',
    unchanged: 'left its comment unchanged (same text) on',
    replaced: 'posted a new comment (its earlier one could not be edited) on',
  }[outcome];
  console.log(`diff:comment: ${did} ${where} (${body.length.toLocaleString('en-US')} characters)`);
  return 0;
}

function pullRequestThread(options: DiffCommentOptions): { readonly thread: CommentThread; readonly where: string } {
  switch (options.provider) {
    case 'github': {
      const pullRequest = gitHubPullRequestFromEnvironment(process.env);
      return { thread: gitHubThread(pullRequest), where: `GitHub pull request ${pullRequest.repository}#${pullRequest.number}` };
    }
    case 'bitbucket': {
      const pullRequest = bitbucketPullRequestFromEnvironment(process.env);
      return { thread: bitbucketThread(pullRequest), where: `Bitbucket pull request ${pullRequest.workspace}/${pullRequest.repoSlug}#${pullRequest.id}` };
    }
  }
}

function readBody(file: string): string {
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CiEnvironmentError(`--body ${file}: cannot be read (${error instanceof Error ? error.message : String(error)}): did \`npm run diff\` fail before writing it?`);
  }
  if (body.trim() === '') throw new CiEnvironmentError(`--body ${file} is empty: nothing to post`);
  return body;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof CommandLineError ? message : `diff:comment failed: ${message}`);
    process.exit(2);
  },
);
