import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, buildSync } from 'esbuild';
import { listFiles, recoverInterruptedWrite } from '../../apps/synth/output-tree';

// Runs the real `npm run synth` bundle on this repository, so it synthesizes the example estate
// (its staging environment, its pins.json): the command line is the subject, not the specs.
const ROOT = join(__dirname, '..', '..');
/** Built the way `npm run synth` builds it; inside node_modules so its packages resolve. */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'gitops-cdk', 'synth-cli-test.cjs');

/** Runs the synth; without the cache unless the test names a cache folder (never the repository's own cache). */
function synth(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const cache = args.includes('--cache-dir') || args.includes('--no-cache') ? [] : ['--no-cache'];
  const result = spawnSync(process.execPath, [BUNDLE, ...args, ...cache], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  buildSync({
    entryPoints: [join(ROOT, 'apps', 'synth.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: BUNDLE,
    logLevel: 'warning',
  });
});

describe('npm run synth', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'gitops-cdk-cli-')), 'dist');
  // Beside the output, in the run's temporary folder: never the repository's own cache.
  const cacheDir = join(dirname(out), 'synth-cache');
  const other = join(out, 'k8s/prod/kept.yaml');
  let first: ReturnType<typeof synth>;

  // Each run starts a process and synthesizes staging, the smallest environment (the whole estate
  // and the swap of the owned folders are the unit tests' job: test/synth). The tests share one
  // output folder, in this order; another environment's file is there before the first run.
  beforeAll(() => {
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, 'kind: Kept\n');
    first = synth('--env', 'staging', '--out', out, '--cache-dir', cacheDir);
  });

  it('writes the environment and ends with a summary table and the time taken', () => {
    const result = first;
    // Only warnings (every environment's spec is checked, also on --env: a Kubernetes version in
    // paid extended support or without recorded dates), each on a line of its own.
    for (const line of result.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^synth: warning: [a-z][a-z0-9-]*: /);
    expect(result.status).toBe(0);
    // What the write changed comes first: every file is new, the other environment's is carried over.
    expect(result.stdout).toMatch(
      /^\S+\/dist\/: [1-9]\d* written, 0 unchanged, 0 removed\ncache: 0 units reused, 4 synthesized \(\S+; --no-cache to bypass\)\nenvironment\s+engine\s+component\/stack\s+files\s+resources/,
    );
    expect(result.stdout).toMatch(/staging\s+terraform\s+aws-foundation\s+1\s+\d+/);
    expect(result.stdout).toMatch(/synthesized in \d+\.\d\d s\n$/);
    expect(listFiles(out).some((p) => p.startsWith('k8s/staging/addons/'))).toBe(true);
  });

  it('reuses every unit from the cache when nothing changed, and writes nothing', () => {
    const again = synth('--env', 'staging', '--out', out, '--cache-dir', cacheDir);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^\S+\/dist\/ is up to date, nothing written\ncache: 4 units reused, 0 synthesized /);
  });

  it('--env leaves the other environments as they are', () => {
    expect(readFileSync(other, 'utf8')).toBe('kind: Kept\n');
  });

  // That --check passes on an up-to-date folder is what CI's own `npm run synth -- --check` proves.
  it('--check fails naming every file that differs, writing nothing', () => {
    const file = join(out, 'k8s/staging/root/application-staging-root.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}# edited by hand\n`);
    writeFileSync(join(out, 'k8s/staging/stray.yaml'), 'kind: Stray\n');
    const result = synth('--check', '--env', 'staging', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`changed ${out}/k8s/staging/root/application-staging-root.yaml`);
    expect(result.stderr).toContain(`removed ${out}/k8s/staging/stray.yaml`);
    expect(readFileSync(file, 'utf8')).toBe(`${original}# edited by hand\n`);
    expect(listFiles(out)).toContain('k8s/staging/stray.yaml');
  });
});

describe('npm run synth killed half way', () => {
  const parent = mkdtempSync(join(tmpdir(), 'gitops-cdk-kill-'));
  const out = join(parent, 'dist');
  const work = join(parent, '.synth-dist');

  /**
   * Runs synth until it pauses (the test hook): between the two renames of its swap, or after the
   * first file a patch replaces; then SIGKILLs it.
   */
  function killWhenPaused(pause: 'paused in swap' | 'paused in patch'): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BUNDLE, '--env', 'staging', '--out', out, '--no-cache'], {
        cwd: ROOT,
        env: { ...process.env, GITOPS_CDK_TEST_PAUSE_IN_SWAP: '1' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(pause)) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`synth exited ${code}: ${stderr}`))));
    });
  }

  it('leaves nothing git picks up, and the next synth restores and replaces dist/', async () => {
    spawnSync('git', ['init', '-q', parent]);
    // A first synth gives the tree the killed one swaps out.
    expect(synth('--env', 'staging', '--out', out).status).toBe(0);
    writeFileSync(join(out, 'marker.txt'), 'from before\n');
    // Most of the environment to write again: a change too large to patch, so the tree is swapped.
    rmSync(join(out, 'k8s/staging'), { recursive: true });
    await killWhenPaused('paused in swap');

    // Killed between the renames: dist/ is gone, the old and new trees are in the work folder.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).sort()).toEqual(expect.arrayContaining(['.gitignore', expect.stringMatching(/^new-\d+$/), expect.stringMatching(/^old-\d+$/)]));
    const added = spawnSync('git', ['add', '-A', '--dry-run'], { cwd: parent, encoding: 'utf8' });
    expect(added.status).toBe(0);
    expect(added.stdout).toBe('');

    const second = synth('--env', 'staging', '--out', out);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/^synth: restored .*dist\/ from .*\.synth-dist\/old-\d+\/, left by a synth that was killed during its swap$/m);
    expect(second.stderr).toMatch(/^synth: removed .*\.synth-dist\/new-\d+\/, left by a synth that was killed before it finished$/m);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('from before\n');
    expect(listFiles(out).some((p) => p.startsWith('k8s/staging/addons/'))).toBe(true);
    expect(readdirSync(parent).sort()).toEqual(['.git', 'dist']);
  }, 60_000);

  it('rolls a patch of a few files back, so dist/ is exactly as it was, and the next synth writes it', async () => {
    expect(synth('--env', 'staging', '--out', out).status).toBe(0);
    const contents = () => Object.fromEntries(listFiles(out).map((p) => [p, readFileSync(join(out, p), 'utf8')]));
    const synthesized = contents();
    // Two files to write again and one to remove: a patch.
    for (const path of ['k8s/staging/root/application-staging-root.yaml', 'k8s/staging/kustomization.yaml']) writeFileSync(join(out, path), `${synthesized[path]}# edited\n`);
    writeFileSync(join(out, 'k8s/staging/stray.yaml'), 'kind: Stray\n');
    const edited = contents();
    await killWhenPaused('paused in patch');
    // Killed after the first file was replaced.
    expect(contents()).not.toEqual(edited);

    expect(recoverInterruptedWrite(out)).toEqual([
      expect.stringMatching(/^rolled .*dist\/ back to what it was before a synth that was killed while replacing its files \(.*\.synth-dist\/patch-\d+\/\)$/),
    ]);
    expect(contents()).toEqual(edited);
    expect(synth('--env', 'staging', '--out', out).status).toBe(0);
    expect(contents()).toEqual(synthesized);
    expect(readdirSync(parent).sort()).toEqual(['.git', 'dist']);
  }, 60_000);
});

describe('npm run synth failing unexpectedly', () => {
  // A bundle whose pins.json lacks prod: prod.ts throws while it loads, before synth runs.
  const broken = join(ROOT, 'node_modules', '.cache', 'gitops-cdk', 'synth-cli-test-no-prod-pins.cjs');
  beforeAll(async () => {
    const pins = JSON.parse(readFileSync(join(ROOT, 'environments', 'pins.json'), 'utf8')) as Record<string, unknown>;
    delete pins.prod;
    await build({
      entryPoints: [join(ROOT, 'apps', 'synth.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outfile: broken,
      logLevel: 'warning',
      plugins: [
        {
          name: 'pins-without-prod',
          setup: (plugin) => plugin.onLoad({ filter: /environments[\\/]pins\.json$/ }, () => ({ contents: JSON.stringify(pins), loader: 'json' })),
        },
      ],
    });
  });

  function run(env: NodeJS.ProcessEnv): { status: number | null; stderr: string } {
    const out = join(mkdtempSync(join(tmpdir(), 'gitops-cdk-crash-')), 'dist');
    const result = spawnSync(process.execPath, [broken, '--out', out, '--no-cache'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(existsSync(out)).toBe(false);
    return { status: result.status, stderr: result.stderr };
  }

  it('prints one line naming pins.json, with no stack trace or machine path', () => {
    const { status, stderr } = run({ GITOPS_CDK_DEBUG: '' });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'synth failed, nothing was written: environments/pins.json has no entry for environment "prod": add one with its chart versions and policyCatalog release ' +
        '(run again with GITOPS_CDK_DEBUG=1 for the stack trace)\n',
    );
  });

  it('prints the stack with GITOPS_CDK_DEBUG=1', () => {
    expect(run({ GITOPS_CDK_DEBUG: '1' }).stderr).toMatch(/\n\s+at pinsOf \(/);
  });
});
