import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { notCacheableAt, specText } from '../../apps/synth/cache/spec-data';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import type { EnvironmentSpec } from '../../environments/types';

/** What a fixture estate synthesizes to: path relative to dist/ (`k8s/lab/...`) -> content. */
export type SynthesizedFiles = ReadonlyMap<string, string>;

/** How long a test process waits for another one synthesizing the same estate before doing it itself. */
const WAIT_FOR_OTHER_MS = 120_000;
const POLL_MS = 50;

/**
 * The files `npm run synth` writes for `specs` (the whole estate), built once per jest run: several
 * test files read the same fixture estates, and each synth costs seconds. Jest runs test files in
 * separate processes, so the result is shared through the run's temporary folder
 * (test/support/temp-root.js), keyed by everything the output depends on within one run (the specs,
 * the exceptions, the day; the code cannot change during a run). The first process to ask writes it
 * (atomically, under a lock file); the others wait for it rather than build it twice on two cores.
 *
 * Its synths also share the run's synth cache: an estate that differs from another in one
 * environment reuses the other environments' units, which the synth cache guarantees are
 * byte-identical to a fresh build (test/synth/cache/cache-never-stale.test.ts). Tests of the synth
 * itself, cached or not, call `synthesize` directly.
 */
export async function synthesizedOnce(specs: readonly EnvironmentSpec[], exceptions: readonly PolicyExceptionDefinition[], today: string): Promise<SynthesizedFiles> {
  const result = storedSynthesisOf(specs, exceptions, today);
  const root = process.env.GITOPS_CDK_JEST_TMP;
  // No key (outside a jest run, or a spec holding code): synthesized here, uncached.
  if (result === undefined || root === undefined) return synthesizeFiles(specs, exceptions, today);
  mkdirSync(dirname(result), { recursive: true });
  const lock = `${result.slice(0, -'.json'.length)}.lock`;
  if (existsSync(result)) return readFiles(result);
  if (takeLock(lock)) {
    try {
      const files = await synthesizeFiles(specs, exceptions, today, join(root, 'synth-cache'));
      const temporary = `${result}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify([...files]));
      renameSync(temporary, result);
      return files;
    } finally {
      // Released either way: a synth that threw lets the waiting processes try (and fail) for themselves.
      rmSync(lock, { force: true });
    }
  }
  await waitFor(result, lock);
  return existsSync(result) ? readFiles(result) : synthesizeFiles(specs, exceptions, today);
}

function readFiles(file: string): SynthesizedFiles {
  return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, string][]);
}

/**
 * Where this run keeps the files of an estate (`<run's temporary folder>/fixture-estates/<key>.json`);
 * undefined outside a jest run, or for a spec holding code, which no key can describe.
 */
export function storedSynthesisOf(specs: readonly EnvironmentSpec[], exceptions: readonly PolicyExceptionDefinition[], today: string): string | undefined {
  const root = process.env.GITOPS_CDK_JEST_TMP;
  if (root === undefined || notCacheableAt(specs) !== undefined || notCacheableAt(exceptions) !== undefined) return undefined;
  const key = createHash('sha256').update(specText({ specs, exceptions, today })).digest('hex');
  return join(root, 'fixture-estates', `${key}.json`);
}

/** Creates the lock file; false when another process holds it. */
function takeLock(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    return false;
  }
}

/** Waits until `file` exists, or the process that locked it gave up (its lock gone), or too long has passed. */
async function waitFor(file: string, lock: string): Promise<void> {
  const until = Date.now() + WAIT_FOR_OTHER_MS;
  while (!existsSync(file) && existsSync(lock) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

async function synthesizeFiles(specs: readonly EnvironmentSpec[], exceptions: readonly PolicyExceptionDefinition[], today: string, cacheDir?: string): Promise<SynthesizedFiles> {
  // Loaded only when a synth is needed: a test file whose estates another process built never loads cdktf and the providers.
  const [{ synthesize }, { SynthCache }] = await Promise.all([import('../../apps/synth/synthesize'), import('../../apps/synth/cache/synth-cache')]);
  const cache = cacheDir === undefined ? undefined : new SynthCache(cacheDir, 'one jest run');
  const output = await synthesize(specs, specs, { today, exceptions, ...(cache === undefined ? {} : { cache }) });
  cache?.save();
  return output.files;
}
