import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recoverInterruptedWrite } from '../synth/output-tree';

/**
 * Pins and dist/ change together or not at all. `npm run promote` writes the pins, then synth
 * rewrites dist/ in another process; either step can fail or be interrupted (Ctrl-C reaches the
 * whole process group, SIGTERM may reach promote alone). So before anything changes, the pins file
 * and dist/ are copied into the work folder `.synth-promote/` (ignored by git: it holds a
 * `.gitignore` of `*`, and `.gitignore` lists `.synth-*`); on failure or interruption both are put
 * back from it. A `committed` marker is written once both are final, before the copy is removed, so
 * a promote killed with SIGKILL is rolled back by the next promote unless it had already committed.
 */
export interface PromotionFiles {
  /** The pins file, e.g. `environments/pins.json`. */
  readonly pins: string;
  /** The synth output folder, `dist`. */
  readonly out: string;
  /** The work folder holding the copies, `.synth-promote`. */
  readonly work: string;
}

export const PROMOTION_FILES: PromotionFiles = { pins: 'environments/pins.json', out: 'dist', work: '.synth-promote' };

function writeAtomically(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

/** Puts the copy of `out` back in its place (a missing `out`, after a killed synth, included). */
function restoreOutput(files: PromotionFiles): void {
  const saved = join(files.work, 'out');
  recoverInterruptedWrite(files.out);
  if (!existsSync(saved)) {
    // There was no output folder before the promotion.
    rmSync(files.out, { recursive: true, force: true });
    return;
  }
  const discarded = join(files.work, 'out-discarded');
  if (existsSync(files.out)) renameSync(files.out, discarded);
  renameSync(saved, files.out);
  rmSync(discarded, { recursive: true, force: true });
}

/**
 * Rolls back a promotion that a SIGKILL stopped before it committed (or removes the copies of one
 * that committed). Returns what it did, for the user, or undefined when there was nothing to do.
 */
export function recoverInterruptedPromotion(files: PromotionFiles = PROMOTION_FILES): string | undefined {
  if (!existsSync(files.work)) return undefined;
  if (existsSync(join(files.work, 'committed')) || !existsSync(join(files.work, 'pins'))) {
    rmSync(files.work, { recursive: true, force: true });
    return undefined;
  }
  writeAtomically(files.pins, readFileSync(join(files.work, 'pins'), 'utf8'));
  restoreOutput(files);
  rmSync(files.work, { recursive: true, force: true });
  return `an earlier promote was stopped before it finished: ${files.pins} and ${files.out}/ are restored to what they were before it`;
}

/** Why a promotion was rolled back. */
export class PromotionRolledBackError extends Error {
  constructor(
    message: string,
    /** The signal that interrupted it, if any (exit 128 + its number, as a shell would). */
    readonly signal?: NodeJS.Signals,
  ) {
    super(message);
    this.name = 'PromotionRolledBackError';
  }
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Writes `pinsText` to the pins file and runs `regenerate` (synth, in a child process), as one unit:
 * if `regenerate` fails, or a signal arrives before both are final, the pins file and the output
 * folder are put back byte for byte and `PromotionRolledBackError` is thrown. While the unit runs,
 * SIGINT, SIGTERM and SIGHUP are held (noted, not fatal) so that the roll-back itself runs to its end.
 */
/** How the regenerating child ended, as `spawnSync` reports it. */
export interface ChildResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Long enough for the event loop to poll the signal that stopped the child and run its listener. */
const SIGNAL_SETTLE_MS = 50;

export async function promoteAtomically(pinsText: string, regenerate: () => ChildResult, files: PromotionFiles = PROMOTION_FILES): Promise<void> {
  let interrupted: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals): void => {
    interrupted ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, hold);
  try {
    rmSync(files.work, { recursive: true, force: true });
    mkdirSync(files.work, { recursive: true });
    writeFileSync(join(files.work, '.gitignore'), '# written by npm run promote while it changes pins and dist/; never commit\n*\n');
    if (existsSync(files.out)) cpSync(files.out, join(files.work, 'out'), { recursive: true });
    // Written last: from here on, recovery restores; before it, there is nothing to restore.
    writeFileSync(join(files.work, 'pins'), readFileSync(files.pins, 'utf8'));

    writeAtomically(files.pins, pinsText);
    const child = regenerate();
    // A signal that arrived while the child ran reaches its listener only once the event loop has
    // polled it (measured: not yet after one setImmediate): wait for it before deciding. A child
    // stopped by a signal (Ctrl-C reaches the whole process group) counts as the interruption too.
    await new Promise((resolve) => setTimeout(resolve, SIGNAL_SETTLE_MS));
    interrupted ??= child.signal ?? undefined;
    if (child.status !== 0 || interrupted !== undefined) {
      recoverInterruptedPromotion(files);
      const cause = interrupted !== undefined ? `interrupted by ${interrupted}` : 'synth failed with the promoted pins';
      throw new PromotionRolledBackError(`${cause}; ${files.pins} and ${files.out}/ are restored to what they were`, interrupted);
    }
    writeFileSync(join(files.work, 'committed'), '');
    rmSync(files.work, { recursive: true, force: true });
  } finally {
    for (const signal of SIGNALS) process.off(signal, hold);
  }
}
