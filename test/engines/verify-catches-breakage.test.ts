import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test copies dist/, breaks one thing on purpose and runs `npm run verify` on the copy: the
// real engines must refuse it, naming what broke. Needs Go (engines/build); CI runs it.

const root = process.cwd();

function distCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-breakage-'));
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  return join(dir, 'dist');
}

/** Runs verify on prod with a TMPDIR of its own, and checks that a failed run leaves nothing there. */
function verify(dist: string, ...args: string[]): { status: number | null; output: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'verify-run-'));
  try {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'apps/verify.ts', '--env', 'prod', '--dist', dist, ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TMPDIR: scratch },
    });
    expect(readdirSync(scratch).filter((name) => name.startsWith('gitops-cdk-'))).toEqual([]);
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}: update this test`);
  writeFileSync(file, text.replace(from, to));
}

const copies: string[] = [];
afterAll(() => {
  for (const dist of copies) rmSync(join(dist, '..'), { recursive: true, force: true });
});

it('passes on the committed output', () => {
  const result = verify(join(root, 'dist'), '--checks', 'suites');
  expect([result.status, result.output]).toEqual([0, expect.stringContaining('kyverno test')]);
});

it('fails a suite whose case expects the wrong result: the Kyverno CLI compares strictly', () => {
  const dist = distCopy();
  copies.push(dist);
  const suite = join(dist, 'policy-tests/prod/disallow-latest-tag/kyverno-test.yaml');
  // The `latest-tag` case is expected to fail; claim it passes.
  const text = readFileSync(suite, 'utf8');
  const broken = text.replace(/(- latest-tag\n {4}kind: Pod\n {4}result:) fail/, '$1 pass');
  expect(broken).not.toBe(text);
  writeFileSync(suite, broken);
  const result = verify(dist, '--checks', 'suites');
  expect(result.status).toBe(1);
  expect(result.output).toMatch(/kyverno test .*policy-tests\/prod failed/);
  expect(result.output).toMatch(/disallow-latest-tag\/kyverno-test\.yaml: .*v1\/Pod\/team-a\/latest-tag │ Fail │ Want pass, got fail/);
});

it('fails a policy edited into a no-op, in its CLI suite', () => {
  const dist = distCopy();
  copies.push(dist);
  edit(join(dist, 'k8s/prod/policies/clusterpolicy-disallow-latest-tag.yaml'), '!*:latest', '*');
  const result = verify(dist, '--checks', 'suites');
  expect(result.status).toBe(1);
  expect(result.output).toMatch(/disallow-latest-tag\/kyverno-test\.yaml: .*v1\/Pod\/team-a\/latest-tag │ Fail │ Want fail, got pass/);
});

it(
  'refuses a document Kyverno refuses and a no-op policy in the admission replay, naming the file and the engine',
  () => {
    const dist = distCopy();
    copies.push(dist);
    // The defect this harness was built for: verifyImages under Audit with mutateDigest.
    writeFileSync(
      join(dist, 'k8s/prod/policies/clusterpolicy-broken-image-check.yaml'),
      [
        'apiVersion: kyverno.io/v1',
        'kind: ClusterPolicy',
        'metadata:',
        '  name: broken-image-check',
        'spec:',
        '  rules:',
        '    - name: verify',
        '      match:',
        '        any:',
        '          - resources:',
        '              kinds: [Pod]',
        '      verifyImages:',
        '        - imageReferences: ["registry.gitops-cdk.example/*"]',
        '          failureAction: Audit',
        '          mutateDigest: true',
        '          attestors:',
        '            - entries:',
        '                - keyless:',
        '                    subject: https://github.com/acme/*',
        '                    issuer: https://token.actions.githubusercontent.com',
        '',
      ].join('\n'),
    );
    edit(join(dist, 'k8s/prod/policies/clusterpolicy-disallow-latest-tag.yaml'), '!*:latest', '*');
    const result = verify(dist, '--checks', 'replay');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /clusterpolicy-broken-image-check\.yaml: ClusterPolicy broken-image-check refused: [^\n]*validate-policy\.kyverno\.svc[^\n]*mutateDigest must be set to false/,
    );
    expect(result.output).toMatch(/replay disallow-latest-tag\/require-image-tag-not-latest case latest-tag \(as written\): expected denied, admitted/);
    // Everything else in prod still behaves: only the two breakages are reported.
    expect(result.output).toMatch(/prod: 2 problem\(s\)/);
  },
  15 * 60 * 1000,
);

it(
  "refuses an add-on whose Kyverno webhooks would stop Argo CD's status writes while Kyverno is down",
  () => {
    const dist = distCopy();
    copies.push(dist);
    const addon = join(dist, 'k8s/prod/addons/applicationset-kyverno.yaml');
    const text = readFileSync(addon, 'utf8');
    const broken = text.replace(/ {12}config:\n {14}matchConditions:\n(?: {16}.*\n)+/, '');
    expect(broken).not.toBe(text);
    writeFileSync(addon, broken);
    const result = verify(dist, '--checks', 'documents');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/a status-only write of Application \S+ was refused while Kyverno was down: .*failed calling webhook/);
  },
  15 * 60 * 1000,
);

it(
  'refuses a production Rollout whose pod template Kyverno would refuse, though the Rollout itself is admitted (autogen skips Rollouts)',
  () => {
    const dist = distCopy();
    copies.push(dist);
    edit(join(dist, 'k8s/prod/workload-podinfo/rollout-podinfo.yaml'), 'allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true');
    const result = verify(dist, '--checks', 'documents');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/rollout-podinfo\.yaml: the Pod of Rollout podinfo is refused at admission: .*(privilege|Privilege)/);
    expect(result.output).not.toMatch(/Rollout podinfo refused/);
  },
  15 * 60 * 1000,
);

it(
  'passes the committed add-ons through the pinned charts and Helm, and refuses a misspelt value and a null a template dereferences',
  () => {
    // kyverno 3.9.1 comes through the Go module proxy (github.com/kyverno/kyverno@v1.19.1), so this
    // runs wherever the engines build; the other charts may be NOT CHECKED without GITOPS_CDK_CHART_GIT.
    const committed = verify(join(root, 'dist'), '--checks', 'charts');
    expect([committed.status, committed.output]).toEqual([0, expect.stringMatching(/kyverno@3\.9\.1 from \S+: 2 release\(s\)/)]);

    const dist = distCopy();
    copies.push(dist);
    const addon = join(dist, 'k8s/prod/addons/applicationset-kyverno.yaml');
    edit(addon, '              replicas: 3\n', '              replica: 3\n');
    edit(addon, '            features:\n              policyExceptions:\n                enabled: true\n                namespace: kyverno\n', '            features: null\n');
    const result = verify(dist, '--checks', 'charts');
    expect(result.status).toBe(1);
    expect(result.output).toMatch(
      /applicationset-kyverno\.yaml \(prod-eks-euw1\): kyverno 3\.9\.1 value admissionController\.replica: kyverno 3\.9\.1 has no value admissionController\.replica/,
    );
    expect(result.output).toMatch(
      /applicationset-kyverno\.yaml \(prod-eks-euw1\): kyverno 3\.9\.1 value features: features is null, but kyverno 3\.9\.1's templates read a field below it/,
    );
    expect(result.output).toMatch(/applicationset-kyverno\.yaml \(prod-eks-euw1\): helm template kyverno 3\.9\.1 failed: Error: template: kyverno\/templates\/.*zero Value/);
  },
  10 * 60 * 1000,
);
