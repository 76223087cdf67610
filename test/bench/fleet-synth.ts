import { CommandLineError } from '../../apps/command-line';
import { crashMessage } from '../../apps/synth/crash-message';
import { OutputSwapError } from '../../apps/synth/output-tree';
import { runSynth } from '../../apps/synth/run-synth';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import { fixtureFleet } from '../support/fixture-fleet';
import { editedFleet } from './fleet-edit';

/**
 * `npm run synth` on the fleet fixture instead of the project's environments, for the benchmark
 * (bundled by test/bench/bench.ts): FLEET_CLUSTERS clusters in all, and with FLEET_EDIT=k one
 * cluster edited (test/bench/fleet-edit.ts), so that a run after a warm one times an incremental synth.
 * Same command line as `npm run synth`.
 */
async function loadFleet(): Promise<ReturnType<typeof fixtureFleet>> {
  const fleet = fixtureFleet(Number(process.env.FLEET_CLUSTERS));
  const edit = process.env.FLEET_EDIT;
  return edit === undefined || edit === '' ? fleet : editedFleet(fleet, Number(edit));
}

runSynth(process.argv.slice(2), loadFleet).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // As apps/synth.ts: a refusal, a failed write and a command line it cannot run say themselves
    // what happened; anything else failed before the write.
    if (error instanceof SynthRefusedError || error instanceof OutputSwapError || error instanceof CommandLineError) console.error(error.message);
    else console.error(`synth failed, ${crashMessage(error)}`);
    process.exit(1);
  },
);
