import { SynthRefusedError } from '../constructs/rules/refusal';
import { CommandLineError } from './command-line';
import { crashMessage } from './synth/crash-message';
import { OutputSwapError } from './synth/output-tree';
import { runSynth } from './synth/run-synth';
import { isStackWorker, serveStackJobs } from './synth/stack-workers';

/** `npm run synth`: regenerate dist/ (or check it) for every environment or one. */
if (isStackWorker()) serveStackJobs();
else
  runSynth(process.argv.slice(2), async () => (await import('../environments')).ENVIRONMENTS).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // A refusal and a failed write say themselves whether anything was written (a failed write
      // that could not roll back says where the old tree is); anything else failed before the write.
      // A command line it cannot run says what is wrong and how to call it.
      if (error instanceof SynthRefusedError || error instanceof OutputSwapError || error instanceof CommandLineError) console.error(error.message);
      else console.error(`synth failed, ${crashMessage(error)}`);
      process.exit(1);
    },
  );
