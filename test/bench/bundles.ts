import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** Where `npm run synth` and `npm run diff` put their bundles (package.json), relative to the checkout. */
const BUNDLE_DIR = 'node_modules/.cache/gitops-cdk';

/** The bundles the benchmark runs, as paths relative to the checkout. */
export interface Bundles {
  /** `npm run synth` (apps/synth.ts). */
  readonly synth: string;
  /** The same synth on the fleet fixture (test/bench/fleet-synth.ts). */
  readonly fleetSynth: string;
  /** `npm run diff` (apps/diff.ts). */
  readonly diff: string;
}

/** Bundles `entry` as package.json's scripts do (esbuild, node20, packages external). */
async function bundle(root: string, entry: string, outfile: string): Promise<string> {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: join(BUNDLE_DIR, outfile),
    logLevel: 'warning',
  });
  return join(BUNDLE_DIR, outfile);
}

/** Builds the three bundles in the checkout at `root`, so each scenario runs the code as it is now. */
export async function buildBundles(root: string): Promise<Bundles> {
  return {
    synth: await bundle(root, 'apps/synth.ts', 'synth.cjs'),
    fleetSynth: await bundle(root, 'test/bench/fleet-synth.ts', 'fleet-synth.cjs'),
    diff: await bundle(root, 'apps/diff.ts', 'diff.cjs'),
  };
}

/** The checkout this file belongs to. */
export const CHECKOUT = dirname(dirname(__dirname));
