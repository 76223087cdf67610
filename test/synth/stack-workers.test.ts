import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { StackWorkerPool } from '../../apps/synth/stack-workers';
import { synthesize } from '../../apps/synth/synthesize';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';

// Workers run the synth's bundle, as `npm run synth` does; built here from the sources under test,
// below node_modules/ (where the bundle's packages resolve, as for npm run synth's own bundle).
const ROOT = join(__dirname, '../..');
let folder: string;
let script: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, 'node_modules/.cache/gitops-cdk'), { recursive: true });
  folder = mkdtempSync(join(ROOT, 'node_modules/.cache/gitops-cdk/workers-test-'));
  script = join(folder, 'synth.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['apps/synth.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: script,
    logLevel: 'warning',
  });
}, 60_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const live: EnvironmentSpec = { ...fixtureEnvironment({ tier: 'production' }), promotesFrom: undefined };
const settings = { today: '2026-12-03', exceptions: [] };

describe('StackWorkerPool', () => {
  it('starts a worker per share of stacks, none for fewer than a share', () => {
    const pool = new StackWorkerPool(script, 2, 24);
    expect([pool.workersFor(23), pool.workersFor(24), pool.workersFor(47), pool.workersFor(48), pool.workersFor(500)]).toEqual([0, 1, 1, 2, 2]);
  });

  it('renders the stacks in worker threads into the same output as one thread', async () => {
    const pool = new StackWorkerPool(script, 2, 1);
    try {
      const spread = await synthesize([live], [live], { ...settings, workers: pool });
      const alone = await synthesize([live], [live], settings);
      expect([...spread.files].sort()).toEqual([...alone.files].sort());
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("rejects with a stack's error instead of hanging", async () => {
    const pool = new StackWorkerPool(script, 2, 1);
    try {
      await expect(pool.render(live, ['aws-cluster-nowhere'], false)).rejects.toThrow(/no Terraform stack aws-cluster-nowhere to render/);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
