import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { ENVIRONMENTS } from '../environments';
import { PINS_FILE, type PinsFile } from '../environments/pins';
import { CommandLineError, helpText } from './command-line';
import { PROMOTE_COMMAND, readPromoteCommandLine } from './promote/promote-options';
import { completeCanary, type PinEdit, PromotionRefusedError, pinsFileText, planPromotion } from './promote/promotion';
import { PROMOTION_FILES, PromotionRolledBackError, promoteAtomically, recoverInterruptedPromotion } from './promote/promotion-transaction';
import { crashMessage } from './synth/crash-message';
import { requirePassingPolicyTests } from './synth/policy-test-gate';

/**
 * `npm run promote`: moves pinned versions one stage along the promotion chain. It edits only
 * environments/pins.json, after the source's policy tests pass, then re-runs synth so the
 * reviewer sees the pins and the synthesized diff in one commit. Pins and dist/ change as one unit:
 * a failed synth, Ctrl-C or SIGTERM restores both (apps/promotion-transaction.ts).
 */
async function main(): Promise<number> {
  // Read first: the help, and a command line it cannot run, touch no file.
  const commandLine = readPromoteCommandLine(process.argv.slice(2));
  if (commandLine.help) {
    console.log(helpText(PROMOTE_COMMAND));
    return 0;
  }
  const { options } = commandLine;
  const recovered = recoverInterruptedPromotion({ ...PROMOTION_FILES, pins: PINS_FILE });
  if (recovered !== undefined) console.error(`promote: ${recovered}`);
  const pins = JSON.parse(readFileSync(PINS_FILE, 'utf8')) as PinsFile;
  const edit: PinEdit = options.kind === 'promote' ? planPromotion(pins, ENVIRONMENTS, options.from, options.to) : completeCanary(pins, ENVIRONMENTS, options.env);
  if (edit.changes.length === 0) {
    console.log('nothing to change: the pins are already equal');
    return 0;
  }
  if (options.kind === 'promote') requirePassingPolicyTests(options.from);

  await promoteAtomically(
    pinsFileText(
      edit.pins,
      ENVIRONMENTS.map((e) => e.name),
    ),
    () => spawnSync('npm', ['run', '-s', 'synth'], { stdio: 'inherit' }),
    { ...PROMOTION_FILES, pins: PINS_FILE },
  );
  console.log(`\nchanged in ${PINS_FILE}:`);
  for (const change of edit.changes) console.log(`  ${change.environment}: ${change.field} ${change.from ?? '(none)'} -> ${change.to ?? '(none)'}`);
  console.log('review `git diff`, then commit the pins and dist/ together');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => fail(error),
);

function fail(error: unknown): never {
  if (error instanceof PromotionRolledBackError) {
    console.error(`promotion rolled back, nothing was changed: ${error.message}`);
    // 128 + the signal's number, as a shell reports a command stopped by it.
    process.exit(error.signal !== undefined ? 128 + constants.signals[error.signal] : 1);
  }
  if (error instanceof PromotionRefusedError) console.error(`promotion refused, nothing was changed: ${error.message}`);
  else if (error instanceof CommandLineError) console.error(error.message);
  else console.error(`promotion failed, ${crashMessage(error).replace(/^nothing was written/, 'nothing was changed')}`);
  process.exit(1);
}
