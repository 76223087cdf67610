import { OutputNotWrittenError } from './output-tree';

/** Set to 1 to print the full stack of an unexpected failure of synth or promote. */
export const DEBUG_VARIABLE = 'GITOPS_CDK_DEBUG';

/**
 * One short line for an unexpected failure: its message with this machine's paths made relative,
 * and no stack trace unless `GITOPS_CDK_DEBUG=1` (the stack names files of the bundle and of this
 * machine, which helps the maintainer, not the person running synth).
 */
export function crashMessage(error: unknown, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const message = error instanceof Error ? error.message : String(error);
  const relative = message.split(`${cwd}/`).join('');
  // A failed write says itself that nothing was written, and why; it needs no stack.
  if (error instanceof OutputNotWrittenError) return relative;
  if (env[DEBUG_VARIABLE] === '1' && error instanceof Error && error.stack !== undefined) return `nothing was written: ${relative}\n${error.stack}`;
  return `nothing was written: ${relative} (run again with ${DEBUG_VARIABLE}=1 for the stack trace)`;
}
