import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { listFiles } from '../../constructs/synth/output-tree';

const ROOT = join(__dirname, '..', '..');
/** Built the way `npm run synth` builds it; inside node_modules so its packages resolve. */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'gitops-cdk', 'synth-cli-test.cjs');

function synth(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8' });
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
  const other = join(out, 'k8s/prod/kept.yaml');
  let first: ReturnType<typeof synth>;

  // Each run starts a process and synthesizes staging, the smallest environment (the whole estate
  // and the swap of the owned folders are the unit tests' job: test/synth). The tests share one
  // output folder, in this order; another environment's file is there before the first run.
  beforeAll(() => {
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, 'kind: Kept\n');
    first = synth('--env', 'staging', '--out', out);
  });

  it('writes the environment and ends with a summary table and the time taken', () => {
    const result = first;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^environment\s+engine\s+component\/stack\s+files\s+resources/);
    expect(result.stdout).toMatch(/staging\s+terraform\s+aws-foundation\s+1\s+\d+/);
    expect(result.stdout).toMatch(/synthesized in \d+\.\d\d s\n$/);
    expect(listFiles(out).some((p) => p.startsWith('k8s/staging/addons/'))).toBe(true);
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
