import { synthEntry } from '../../apps/synth/synth-entry';
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

// The fleet's environments are the fixture's (lab, stage, live): the project's policy exceptions
// name environments it does not have, so it is synthesized without any.
synthEntry(loadFleet, { exceptions: [] });
