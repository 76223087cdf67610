import { Duration } from 'cdk8s';
import { buildTerraformEstate } from '../../apps/assembly/terraform-estate';
import { FLEET_RULES, SPEC_RULES } from '../../apps/spec/rules';
import { type SynthOutput, synthesize } from '../../apps/synth/synthesize';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import type { RuleResult } from '../../constructs/rules/result';
import { formatViolation } from '../../constructs/rules/violation';
import { renderStack } from '../../constructs/terraform/render-stack';
import type { EnvironmentSpec } from '../../environments/types';
import { fixtureEnvironment } from '../support/fixture-environment';
import { fixtureException } from '../support/fixture-exception';
import { reportResults } from '../support/report-results';

// The fixture fleet (lab, stage, live), not the example estate: adding an environment or a cluster
// to environments/ changes none of these tests; the committed dist/ and `synth --check` pin the estate.
const dev = fixtureEnvironment({ tier: 'development' });
const staging = fixtureEnvironment({ tier: 'staging' });
const prod = fixtureEnvironment({ tier: 'production' });
const ENVIRONMENTS: readonly EnvironmentSpec[] = [dev, staging, prod];
/** A granted exception in every environment (expiring after the fixed synth day), as the estate has. */
const EXCEPTIONS = [
  fixtureException(
    ENVIRONMENTS.map((e) => e.name),
    { expires: '2027-06-30' },
  ),
];
const OUTPUT_ROOTS = ['k8s', 'bootstrap', 'estate', 'policy-tests', 'prometheus-tests', 'alertmanager-tests', 'secrets-inventory', 'terraform'];

describe('synthesize', () => {
  // A whole-estate synth takes seconds: the tests that only read its output share one.
  let whole: SynthOutput;
  let devAlone: SynthOutput;
  beforeAll(async () => {
    // A fixed day: the Kubernetes support calendar and exception expiries refuse the estate once
    // their dates pass, which is `npm run synth`'s job to say, not a reason for these tests to fail.
    whole = await synthesize(ENVIRONMENTS, ENVIRONMENTS, { today: '2026-12-03', exceptions: EXCEPTIONS });
    devAlone = await synthesize([dev], ENVIRONMENTS, { today: '2026-12-03', exceptions: EXCEPTIONS });
    // Two whole synths: seconds on an idle machine, more on a shared one.
  }, 120_000);

  // A second build of the same environment, in the same process, gives the same bytes (across
  // machines, CI's `npm run synth -- --check` on a fresh clone proves it).
  it('is deterministic: building dev again, on its own, gives the same files byte for byte', () => {
    const devOfWhole = [...whole.files].filter(([path]) => devAlone.files.has(path));
    expect([...devAlone.files].length).toBeGreaterThan(100);
    expect(devOfWhole).toEqual([...devAlone.files]);
  });

  it('writes no absolute path, home folder or timestamp into any file', () => {
    const { files } = whole;
    // A generated-at stamp carries today's date; fixed dates in the configuration (a budget's
    // start month) are data and may appear.
    const today = new Date().toISOString().slice(0, 10);
    for (const [path, content] of files) {
      expect({ path, hasCwd: content.includes(process.cwd()) }).toEqual({ path, hasCwd: false });
      // An absolute home path starts a value; `prod/root/root/Resource` is a construct path.
      expect({ path, hasHome: /(^|[\s"'=:])\/(root|home)\//m.test(content) }).toEqual({ path, hasHome: false });
      expect({ path, hasTimestamp: content.includes(`${today}T`) }).toEqual({ path, hasTimestamp: false });
    }
  });

  it('renders every environment into its own k8s and terraform folders, with a kustomization per folder', async () => {
    const { files, ownedDirs } = whole;
    expect(ownedDirs).toEqual([...ENVIRONMENTS.flatMap((spec) => OUTPUT_ROOTS.map((root) => `${root}/${spec.name}`)), 'compliance']);
    expect(files.has('compliance/report.json')).toBe(true);
    expect(files.has('compliance/report.md')).toBe(true);
    // The full results, one file per environment, where report.json says they are.
    const report = JSON.parse(files.get('compliance/report.json')!) as { environments: { environment: string; resultsFile: string }[] };
    expect(report.environments.map((e) => [e.environment, e.resultsFile])).toEqual(ENVIRONMENTS.map((e) => [e.name, `results/${e.name}.jsonl`]).sort());
    for (const { resultsFile } of report.environments) expect(files.has(`compliance/${resultsFile}`)).toBe(true);
    expect(files.has(`terraform/${prod.name}/apply-order.json`)).toBe(true);
    // What `npm run diff` weighs the environment's changes by, readable without the code.
    expect(JSON.parse(files.get(`estate/${prod.name}/environment.json`) ?? '{}')).toEqual({ environment: prod.name, tier: 'production' });
    expect(JSON.parse(files.get(`estate/${dev.name}/environment.json`) ?? '{}')).toEqual({ environment: dev.name, tier: 'development' });
    expect(files.has(`secrets-inventory/${prod.name}/secrets.md`)).toBe(true);
    expect(files.has(`secrets-inventory/${prod.name}/secrets.json`)).toBe(true);
    const dirs = new Set([...files.keys()].filter((p) => p.startsWith('k8s/')).map((p) => p.slice(0, p.lastIndexOf('/'))));
    for (const dir of dirs) expect({ dir, has: files.has(`${dir}/kustomization.yaml`) }).toEqual({ dir, has: true });
    expect(files.has(`terraform/${prod.name}/aws-foundation/main.tf`)).toBe(true);
    expect(files.has(`terraform/${staging.name}/aws-foundation/main.tf`)).toBe(true);
  });

  it('lists only the control-plane components in the environment kustomization the root app syncs', () => {
    const { files } = whole;
    expect(files.get(`k8s/${dev.name}/kustomization.yaml`)).toBe(
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - addons',
        '  - argocd-config',
        '  - clusters',
        '  - projects',
        '  - root',
        '  - sync',
        '',
      ].join('\n'),
    );
  });

  it('synthesizes one environment on its own and owns only its folders', () => {
    const output = devAlone;
    expect(output.ownedDirs).toEqual(OUTPUT_ROOTS.map((root) => `${root}/${dev.name}`));
    // The compliance report covers the whole estate, so a partial synth leaves it alone.
    expect([...output.files.keys()].every((p) => OUTPUT_ROOTS.some((root) => p.startsWith(`${root}/${dev.name}/`)))).toBe(true);
    expect(output.summary.map((r) => r.environment)).toEqual(Array(output.summary.length).fill(dev.name));
  });

  it('counts files and resources per component and stack in the summary', async () => {
    const summary = whole.summary.filter((r) => r.environment === prod.name);
    // One Secret per cluster, plus the kustomization.
    expect(prod.clusters).toHaveLength(2);
    expect(summary.find((r) => r.unit === 'clusters')).toEqual({ environment: prod.name, engine: 'k8s', unit: 'clusters', files: 3, resources: 2 });
    expect(summary.find((r) => r.engine === 'terraform')).toMatchObject({ unit: 'aws-foundation', files: 1 });
    // Counted from the HCL: the same number of resources the stack's Terraform JSON declares.
    const stack = buildTerraformEstate(prod).entries.find((e) => e.name === 'aws-foundation')!.stack;
    const { json } = await renderStack(stack, prod.name);
    const declared = Object.values(json.resource as Record<string, object>).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(summary.find((r) => r.unit === 'aws-foundation')?.resources).toBe(declared);
  });

  it('puts one result of every spec and fleet rule per environment into the report, except the support calendar, whose result depends on the day', () => {
    const report = JSON.parse(whole.files.get('compliance/report.json')!) as { rules: { id: string }[] };
    const results = reportResults(whole.files, 'compliance/');
    for (const spec of ENVIRONMENTS) {
      const ofSpec = results.filter((r) => r.environment === spec.name && (r.engine === 'spec' || r.engine === 'fleet'));
      const expected = [
        'spec-shape',
        'spec-exception-environments',
        ...SPEC_RULES.filter((rule) => rule.tiers === undefined || rule.tiers.includes(spec.tier)).map((rule) => rule.id),
        ...FLEET_RULES.map((rule) => rule.id),
      ];
      expect(ofSpec.map((r) => `${r.rule} ${r.status}`).sort()).toEqual(expected.map((id) => `${id} pass`).sort());
    }
    const ids = report.rules.map((rule) => rule.id);
    expect(ids).toEqual(expect.arrayContaining(['spec-shape', 'spec-exception-environments', ...SPEC_RULES.map((r) => r.id), ...FLEET_RULES.map((r) => r.id)]));
    expect(ids.filter((id) => id.startsWith('spec-kubernetes-support'))).toEqual([]);
  });

  it('returns the failing warning results as the warnings synth prints, on stderr only', () => {
    const report = JSON.parse(whole.files.get('compliance/report.json')!) as { failures: RuleResult[] };
    expect(report.failures.filter((r) => r.level === 'warning')).toEqual([]);
    // The same words as before the support calendar became a rule: environment, file, field, value, problem, fix.
    const names = ENVIRONMENTS.map((e) => e.name).join('|');
    for (const warning of whole.warnings)
      expect(formatViolation(warning)).toMatch(new RegExp(`^(${names}): environments/\\w+\\.ts: clusters\\[\\d\\]\\.kubernetesVersion is "[\\d.]+"; .+ \\(fix: .+\\)$`));
  });

  it('rejects an invalid spec with every problem of every environment', async () => {
    const brokenProd = { ...prod, sync: { ...prod.sync, retryLimit: 0 } };
    const brokenDev = { ...dev, driftDetection: { ...dev.driftDetection, interval: Duration.minutes(30) } };
    const refusal = await synthesize([brokenDev, brokenProd], [brokenDev, brokenProd], { exceptions: [] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SynthRefusedError);
    const { violations } = refusal as SynthRefusedError;
    expect(violations.map((v) => `${v.environment} ${v.field}`)).toEqual(expect.arrayContaining([`${dev.name} driftDetection.interval`, `${prod.name} sync.retryLimit`]));
    expect((refusal as Error).message).toContain('nothing was written');
  });

  describe('one report of every problem', () => {
    // An exception of this test's own, granted to production and to an environment the fleet lacks.
    const exception: PolicyExceptionDefinition = {
      name: 'fixture-batch-root',
      environments: [prod.name, 'no-such-environment'],
      owner: 'team-fixture',
      reason: 'fixture: the batch image runs as root until its vendor ships a non-root build',
      expires: '2030-01-31',
      waives: [{ policy: 'require-run-as-non-root', rules: ['run-as-non-root'] }],
      match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['fixture-batch'] } }] },
    };
    const brokenProd: EnvironmentSpec = { ...prod, sync: { ...prod.sync, retryLimit: 0 } };
    let violations: readonly { environment: string; path: string; field: string; problem: string }[];
    beforeAll(async () => {
      // 2031: the exception has expired, and so has the suppression the Azure network stack
      // declares for dev (constructs/terraform/azure/network-stack.ts, expires 2027-02-26).
      const refusal = await synthesize([dev, brokenProd], [dev, staging, brokenProd], { today: '2031-01-01', exceptions: [exception] }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(SynthRefusedError);
      violations = (refusal as SynthRefusedError).violations;
    }, 60_000);

    it('reports spec problems, exception problems and suppression problems together', () => {
      expect(violations).toEqual(
        expect.arrayContaining([
          // A fixture has no file of its own: its findings point at the list of environments.
          expect.objectContaining({ environment: prod.name, path: 'environments/index.ts', field: 'sync.retryLimit' }),
          expect.objectContaining({ environment: prod.name, field: 'expires', problem: expect.stringMatching(/the exception expired \(today is 2031-01-01\)/) }),
          expect.objectContaining({ environment: dev.name, problem: expect.stringMatching(/suppression of tf-network-flow-logs expired on 2027-02-26/) }),
        ]),
      );
    });

    it('reports an exception that names an environment the fleet does not have, naming its file', () => {
      expect(violations).toEqual(
        expect.arrayContaining([
          {
            environment: 'no-such-environment',
            path: 'policies/exceptions/index.ts',
            field: 'environments[1]',
            value: '"no-such-environment"',
            problem: 'exception fixture-batch-root names an environment the fleet does not have, so it would apply nowhere there',
            fix: `use one of ${dev.name}, ${staging.name}, ${prod.name} (ENVIRONMENTS in environments/index.ts), or remove the entry`,
          },
        ]),
      );
    });
  });

  it('rejects a spec of the wrong shape with a report naming environment, file, field and value, not a TypeError', async () => {
    const typo = { ...prod, clusters: prod.clusters.map((c, i) => (i === 0 ? { ...c, cloud: 'awz' } : c)) } as unknown as EnvironmentSpec;
    const refusal = await synthesize([typo], [dev, staging, typo], { today: '2026-12-03', exceptions: [] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SynthRefusedError);
    expect((refusal as SynthRefusedError).violations.map((v) => `${v.environment} ${v.path} ${v.field} ${v.value}`)).toEqual([
      `${prod.name} environments/index.ts clusters[0].cloud "awz"`,
    ]);
    // Refused by the shape rule alone: the spec is given to no other rule.
    expect((refusal as SynthRefusedError).results.map((r) => r.rule)).toEqual(['spec-shape']);
  });
});
