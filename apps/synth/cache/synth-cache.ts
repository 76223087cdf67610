import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What kind of unit an entry holds: an environment's Kubernetes side, or one Terraform stack. */
export type UnitKind = 'kubernetes' | 'terraform';

/** One synthesized unit as the cache keeps it. */
export interface CacheEntry<T> {
  /** The code fingerprint it was synthesized with (`codeFingerprint`). */
  readonly code: string;
  /** What it was synthesized from besides the code: a key (a whole spec) or its spec reads, as the unit's kind defines. */
  readonly inputs: unknown;
  readonly output: T;
}

/** How the cache did in one synth, for the summary. */
export interface CacheStats {
  readonly reused: number;
  readonly synthesized: number;
}

/**
 * Synthesized units kept between runs in a folder (`--cache-dir`), one JSON file per unit:
 * `<dir>/<kind>/<environment>/<unit>.json`. An entry is only a candidate: the caller decides
 * whether it still holds (same code, same inputs). A missing, unreadable or foreign entry is a miss,
 * never an error; the cache can be deleted at any time. Entries are written when the synth has
 * succeeded (`save`), each atomically (a temporary file renamed into place), and the entries of
 * units an environment no longer has are removed.
 */
export class SynthCache {
  private readonly pending = new Map<string, CacheEntry<unknown>>();
  private readonly used = new Map<string, Set<string>>();
  private reusedCount = 0;
  private synthesizedCount = 0;

  constructor(
    readonly dir: string,
    readonly code: string,
  ) {}

  /** The kept entry of a unit, if any was written by the same code. */
  read<T>(kind: UnitKind, environment: string, unit: string): CacheEntry<T> | undefined {
    this.markUsed(kind, environment, unit);
    try {
      const entry = JSON.parse(readFileSync(this.fileOf(kind, environment, unit), 'utf8')) as CacheEntry<T>;
      return entry.code === this.code ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Counts a unit taken from the cache. */
  reused(): void {
    this.reusedCount += 1;
  }

  /** Keeps a unit just synthesized, to be written by `save`. */
  keep<T>(kind: UnitKind, environment: string, unit: string, inputs: unknown, output: T): void {
    this.markUsed(kind, environment, unit);
    this.synthesizedCount += 1;
    this.pending.set(this.fileOf(kind, environment, unit), { code: this.code, inputs, output });
  }

  get stats(): CacheStats {
    return { reused: this.reusedCount, synthesized: this.synthesizedCount };
  }

  /**
   * Writes the units kept, and removes the entries of units the synthesized environments no longer
   * have and, given every environment of the estate, those of environments it no longer has.
   * Returns a warning when the cache could not be written (the synth's output is unaffected).
   */
  save(environments?: readonly string[]): string | undefined {
    try {
      for (const [file, entry] of this.pending) {
        mkdirSync(dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(entry));
        renameSync(temporary, file);
      }
      for (const [folder, units] of this.used) {
        for (const name of safeList(folder)) if (!units.has(name)) rmSync(join(folder, name), { force: true });
      }
      // After a synth of the whole estate: the folders of environments it no longer has.
      if (environments !== undefined) {
        const kept = new Set(environments.map((e) => encodeURIComponent(e)));
        for (const kind of ['kubernetes', 'terraform'] satisfies UnitKind[]) {
          for (const name of safeList(join(this.dir, kind))) if (!kept.has(name)) rmSync(join(this.dir, kind, name), { recursive: true, force: true });
        }
      }
      this.pending.clear();
      return undefined;
    } catch (error) {
      return `the synth cache in ${this.dir} could not be written (${error instanceof Error ? error.message : String(error)}); the next synth rebuilds what it lacks`;
    }
  }

  private fileOf(kind: UnitKind, environment: string, unit: string): string {
    return join(this.dir, kind, encodeURIComponent(environment), `${encodeURIComponent(unit)}.json`);
  }

  private markUsed(kind: UnitKind, environment: string, unit: string): void {
    const folder = join(this.dir, kind, encodeURIComponent(environment));
    const units = this.used.get(folder) ?? new Set<string>();
    units.add(`${encodeURIComponent(unit)}.json`);
    this.used.set(folder, units);
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
