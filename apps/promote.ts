import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ENVIRONMENTS } from '../environments';
import { PINS_FILE, type PinsFile } from '../environments/pins';
import { completeCanary, type PinEdit, pinsFileText, planPromotion, PromotionRefusedError } from '../environments/promotion';
import { requirePassingPolicyTests } from './policy-test-gate';
import { parsePromoteOptions } from './promote-options';

/**
 * `npm run promote`: moves pinned versions one stage along the promotion chain. It edits only
 * environments/pins.json, after the source's policy tests pass, then re-runs synth so the
 * reviewer sees the pins and the synthesized diff in one commit. A failed synth restores the pins.
 */
function main(): number {
  const options = parsePromoteOptions(process.argv.slice(2));
  const pins = JSON.parse(readFileSync(PINS_FILE, 'utf8')) as PinsFile;
  const edit: PinEdit =
    options.kind === 'promote' ? planPromotion(pins, ENVIRONMENTS, options.from, options.to) : completeCanary(pins, ENVIRONMENTS, options.env);
  if (edit.changes.length === 0) {
    console.log('nothing to change: the pins are already equal');
    return 0;
  }
  if (options.kind === 'promote') requirePassingPolicyTests(options.from);

  const before = readFileSync(PINS_FILE, 'utf8');
  writeAtomically(PINS_FILE, pinsFileText(edit.pins, ENVIRONMENTS.map((e) => e.name)));
  const synth = spawnSync('npm', ['run', '-s', 'synth'], { stdio: 'inherit' });
  if (synth.status !== 0) {
    writeAtomically(PINS_FILE, before);
    throw new PromotionRefusedError(`synth failed with the promoted pins; ${PINS_FILE} is restored and dist/ is untouched`);
  }
  console.log(`\nchanged in ${PINS_FILE}:`);
  for (const change of edit.changes) console.log(`  ${change.environment}: ${change.field} ${change.from ?? '(none)'} -> ${change.to ?? '(none)'}`);
  console.log('review `git diff`, then commit the pins and dist/ together');
  return 0;
}

function writeAtomically(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

try {
  process.exit(main());
} catch (error: unknown) {
  const prefix = error instanceof PromotionRefusedError ? 'promotion refused' : 'promotion failed';
  console.error(`${prefix}, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
