import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { COMMENT_MARKER } from '../../apps/diff/render/markdown';
import { EstateRepository } from '../diff/estate-repository';

// Runs the real `npm run diff` bundle, with the flag `npm run diff` gives node, in a throwaway
// repository whose two commits differ by one risky change.
const ROOT = join(__dirname, '..', '..');
/** Built the way `npm run diff` builds it; inside node_modules so its packages resolve. */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'gitops-cdk', 'diff-cli-test.cjs');

const ROOT_APP = (prune: boolean) =>
  [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: live-root',
    '  namespace: argocd',
    'spec:',
    '  destination:',
    '    namespace: argocd',
    '    server: https://kubernetes.default.svc',
    '  project: platform',
    '  source:',
    '    path: dist/k8s/live',
    '    repoURL: https://example.invalid/platform-gitops.git',
    '    targetRevision: v1.4.2',
    '  syncPolicy:',
    '    automated:',
    `      prune: ${prune}`,
    '      selfHeal: true',
    '',
  ].join('\n');

function estate(prune: boolean): Record<string, string> {
  return {
    'dist/estate/live/environment.json': '{\n  "environment": "live",\n  "tier": "production"\n}\n',
    'dist/k8s/live/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - root\n',
    'dist/k8s/live/root/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - application-live-root.yaml\n',
    'dist/k8s/live/root/application-live-root.yaml': ROOT_APP(prune),
  };
}

function diff(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--liftoff-only', BUNDLE, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run diff', () => {
  const repository = new EstateRepository();
  let base: string;
  let head: string;

  beforeAll(() => {
    buildSync({ entryPoints: [join(ROOT, 'apps', 'diff.ts')], bundle: true, platform: 'node', target: 'node20', packages: 'external', outfile: BUNDLE, logLevel: 'warning' });
    base = repository.commit(estate(false), 'prod prunes by hand');
    head = repository.commit(estate(true), 'prod prunes automatically');
  });
  afterAll(() => repository.remove());

  it('exits 3 with --fail-on high when a high flag is present, and still prints the report', () => {
    const run = diff(repository.dir, '--base', base, '--head', head, '--fail-on', 'high');
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('spec.syncPolicy.automated.prune: false → true');
    expect(run.stdout).toMatch(/high\s+live\s+Application argocd\/live-root/);
    expect(run.stderr).toContain('1 risk flag(s) at or above --fail-on high (1 in all)');
    // A note CI adds (why high flags are accepted) comes first among the notes.
    const noted = diff(repository.dir, '--base', base, '--head', head, '--note', 'accepted by the label', '--note', 'second');
    expect(noted.stdout).toContain('note: accepted by the label\n\nnote: second');
  });

  it('exits 0 without --fail-on, and 0 with --fail-on high when nothing changed', () => {
    expect(diff(repository.dir, '--base', base, '--head', head).status).toBe(0);
    const unchanged = diff(repository.dir, '--base', head, '--head', head, '--fail-on', 'high');
    expect(unchanged).toMatchObject({ status: 0, stdout: expect.stringContaining('no change to the synthesized estate') });
  });

  it('removes a details file an earlier run left when the details now fit, so CI never uploads a stale one', () => {
    const details = join(repository.dir, 'stale-details.md');
    writeFileSync(details, `${COMMENT_MARKER}\nan earlier run's details\n`);
    expect(diff(repository.dir, '--base', base, '--head', head, '--format', 'markdown', '--out', join(repository.dir, 'c.md'), '--details-file', details).status).toBe(0);
    expect(existsSync(details)).toBe(false);
  });

  it('writes the Markdown comment to --out, and JSON that lists the flag and the affected application', () => {
    const out = join(repository.dir, 'comment.md');
    expect(diff(repository.dir, '--base', base, '--head', head, '--format', 'markdown', '--out', out).status).toBe(0);
    const comment = readFileSync(out, 'utf8');
    expect(comment.startsWith('<!-- gitops-cdk diff -->\n')).toBe(true);
    expect(comment).toContain('| live | production | 0 | 1 | 0 | 0 | 0 | 🔴 high (1) |');
    const json = JSON.parse(diff(repository.dir, '--base', base, '--head', head, '--format', 'json').stdout);
    expect(json.summary.flags).toEqual({ high: 1, medium: 0, low: 0 });
    expect(json.affected.applications).toEqual([{ environment: 'live', kind: 'Application', name: 'live-root', reason: 'its definition changed' }]);
    expect(existsSync(join(repository.dir, 'details.md'))).toBe(false);
  });

  it('exits 1 naming the problem for a revision that does not exist, an unknown environment or format (3 is kept for flags)', () => {
    const missing = diff(repository.dir, '--base', 'no-such-branch');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('"no-such-branch" is not a revision');
    expect(diff(repository.dir, '--base', base, '--env', 'qa').stderr).toContain('--env qa: no such environment in either revision; environments: live');
    const format = diff(repository.dir, '--format', 'yaml');
    expect(format.status).toBe(1);
    expect(format.stderr).toContain('--format yaml: not a format; use one of markdown, json, text');
  });

  it('prints a report longer than a pipe buffer (64 KiB) whole before it exits', () => {
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [
        `dist/k8s/live/config/configmap-c${i}.yaml`,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  namespace: n\ndata:\n  k: v\n`,
      ]),
    );
    const big = repository.commit({ ...estate(true), ...many }, 'many objects');
    // A reader slower than the writer (as `| jq` can be): the pipe fills and the rest waits in Node.
    const command = `"${process.execPath}" --liftoff-only "${BUNDLE}" --base ${head} --head ${big} --format json | (sleep 1; cat)`;
    const run = spawnSync('bash', ['-c', command], { cwd: repository.dir, encoding: 'utf8' });
    repository.reset(head, estate(true));
    expect(run.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(run.stdout).summary.environments[0].added).toBe(400);
  });

  it('exits 1 when neither revision has a dist/ (a wrong folder or revision), instead of reporting no change', () => {
    const empty = repository.commit({}, 'no dist/');
    const run = diff(repository.dir, '--base', empty, '--head', empty, '--fail-on', 'low');
    repository.reset(head, estate(true));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('neither revision has a dist/');
  });

  it('answers --help with the options and examples', () => {
    const help = diff(repository.dir, '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--fail-on LEVEL');
    expect(help.stdout).toContain('npm run diff -- --format json | jq .affected');
  });
});
