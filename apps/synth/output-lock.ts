import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file in the work folder: the id of the process that writes the output. */
const LOCK_FILE = 'lock';

/** Two synths writing one output at once: the second is refused, naming the first. */
export class OutputLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputLockedError';
  }
}

/**
 * Runs `write` holding the lock of the work folder (`<work>/lock`, holding this process's id), so
 * that two synths never recover, plan and write the same output at once (a synth on every save
 * and one by hand): their patches or swaps would mix. A lock whose process is gone (killed) is
 * taken over. `isAlive` tells whether a process id still runs.
 */
export function withOutputLock<T>(work: string, outDir: string, isAlive: (pid: number) => boolean, write: () => T): T {
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, '.gitignore'), '# written by npm run synth while it writes its output; never commit\n*\n');
  const lock = join(work, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const descriptor = openSync(lock, 'wx');
      writeSync(descriptor, String(process.pid));
      closeSync(descriptor);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = removeStaleLock(work, isAlive);
      if (holder !== undefined) throw new OutputLockedError(`nothing was written: another synth (process ${holder}) is writing ${outDir}/; run again when it has finished`);
    }
  }
  try {
    return write();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Removes the lock of the work folder when the process holding it is gone (a killed synth), and
 * returns the holder's process id when it still runs (`isAlive`).
 */
export function removeStaleLock(work: string, isAlive: (pid: number) => boolean): number | undefined {
  const lock = join(work, LOCK_FILE);
  if (!existsSync(lock)) return undefined;
  const holder = Number(readFileSync(lock, 'utf8'));
  if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) return holder;
  rmSync(lock, { force: true });
  return undefined;
}
