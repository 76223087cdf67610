import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import type { EnvironmentSpec } from '../../environments/types';
import { CommandLineError } from '../command-line';
import { crashMessage } from './crash-message';
import { OutputLockedError } from './output-lock';
import { OutputSwapError } from './output-tree';
import { runSynth } from './run-synth';
import { isStackWorker, serveStackJobs } from './stack-workers';

/**
 * The body of a synth entry point (apps/synth.ts for the project's environments, the benchmark's
 * for a generated fleet): in a stack worker thread it serves jobs; otherwise it runs the command
 * line on the environments `loadEnvironments` gives and exits with its code. A refusal, a failed
 * write and a command line it cannot run say themselves whether anything was written and how to
 * call it; anything else failed before the write, and is reported without a stack trace.
 */
export function synthEntry(loadEnvironments: () => Promise<readonly EnvironmentSpec[]>, settings: { readonly exceptions?: readonly PolicyExceptionDefinition[] } = {}): void {
  if (isStackWorker()) {
    serveStackJobs();
    return;
  }
  runSynth(process.argv.slice(2), loadEnvironments, settings).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof SynthRefusedError || error instanceof OutputSwapError || error instanceof OutputLockedError || error instanceof CommandLineError) {
        console.error(error.message);
      } else console.error(`synth failed, ${crashMessage(error)}`);
      process.exit(1);
    },
  );
}
