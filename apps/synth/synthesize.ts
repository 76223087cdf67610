import { todayUtc } from '../../constructs/core/calendar';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { ruleCatalogue } from '../../constructs/rules/catalogue';
import { evaluateEstateRules } from '../../constructs/rules/estate/evaluate-estate';
import { packFor } from '../../constructs/rules/packs';
import { SynthRefusedError } from '../../constructs/rules/refusal';
import { violationOf } from '../../constructs/rules/refusal-entries';
import { complianceReportFiles } from '../../constructs/rules/report';
import { blockingResults, type RuleResult } from '../../constructs/rules/result';
import type { FleetRule, SpecRule } from '../../constructs/rules/spec-rule';
import type { Violation } from '../../constructs/rules/violation';
import type { EnvironmentSpec } from '../../environments/types';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import { checkSpecs } from '../spec/check-specs';
import { cachedKubernetes } from './cache/kubernetes-unit';
import { notCacheableAt } from './cache/spec-data';
import type { SynthCache } from './cache/synth-cache';
import {
  alertmanagerTestsDir,
  bootstrapDir,
  COMPLIANCE_DIR,
  estateDir,
  k8sEnvironmentDir,
  policyTestsEnvironmentDir,
  prometheusTestsEnvironmentDir,
  secretsInventoryDir,
  terraformEnvironmentDir,
  terraformStackDir,
} from './dist-layout';
import { type EnginePart, outputPath, type SummaryRow } from './engine-part';
import { ruleEnvironment } from './rule-environment';
import type { StackWorkerPool } from './stack-workers';
import { synthesizeKubernetes } from './synthesize-kubernetes';
import { synthesizeTerraform } from './synthesize-terraform';

export type { EnginePart, SummaryRow } from './engine-part';

export interface SynthOutput {
  /** Path relative to the output folder (`k8s/dev/projects/appproject-platform.yaml`) to content. */
  readonly files: ReadonlyMap<string, string>;
  readonly summary: readonly SummaryRow[];
  /** The subtrees these files replace: a partial synth (`--env`) leaves the others alone. */
  readonly ownedDirs: readonly string[];
  /**
   * Problems that do not refuse the synth (a Kubernetes version near its end of support): the
   * failing results of `warning` rules, also in the compliance report.
   */
  readonly warnings: readonly Violation[];
  /** What the synth says besides its output: an environment synthesized without the cache, and why. */
  readonly notes: readonly string[];
}

export interface SynthesizeOptions {
  /** Today in UTC (`YYYY-MM-DD`), for policy exception expiry; defaults to the real date. */
  readonly today?: string;
  /** The granted policy exceptions. @default POLICY_EXCEPTIONS (policies/exceptions) */
  readonly exceptions?: readonly PolicyExceptionDefinition[];
  /** Rules on each environment spec of the right shape; their results refuse the synth and fill the report. @default SPEC_RULES (apps/spec/rules) */
  readonly specRules?: readonly SpecRule<EnvironmentSpec>[];
  /** Rules across every environment spec at once. @default FLEET_RULES (apps/spec/rules) */
  readonly fleetRules?: readonly FleetRule<EnvironmentSpec>[];
  /**
   * Reuse the units (an environment's Kubernetes side, a Terraform stack) this cache holds when
   * nothing they were built from changed, and keep the others in it. The output is the same with
   * or without. @default - no cache: everything is synthesized
   */
  readonly cache?: SynthCache;
  /** Render Terraform stacks in these worker threads when there are enough of them to pay. @default - in this thread */
  readonly workers?: StackWorkerPool;
}

/**
 * Synthesizes the given environments entirely in memory: run the spec and fleet rules on every spec
 * (the shape first), build both engines' construct trees, run the rules of each tier's pack, render
 * files; every result, spec checks included, goes into the compliance report. Throws
 * `SynthRefusedError` with every failing result of every environment when anything is wrong;
 * nothing is written here.
 */
export async function synthesize(specs: readonly EnvironmentSpec[], all: readonly EnvironmentSpec[] = specs, options: SynthesizeOptions = {}): Promise<SynthOutput> {
  // Every spec is checked, also on `--env`: the estate is one program, and cross-environment
  // checks (unique names, a cluster in one environment only) need all of them anyway. The shape
  // rule runs first; a spec of the wrong shape is refused with its shape findings alone.
  const today = options.today ?? todayUtc();
  const exceptions = options.exceptions ?? POLICY_EXCEPTIONS;
  const specCheck = checkSpecs(all, { today, exceptions, specRules: options.specRules, fleetRules: options.fleetRules });
  const results: RuleResult[] = [...specCheck.results];
  const malformed = all.filter((spec) => !specCheck.wellFormed.includes(spec));
  const files = new Map<string, string>();
  const summary: SummaryRow[] = [];
  const notes: string[] = [];
  for (const spec of specs) {
    // One report of every problem: an environment whose spec has problems is still built, so
    // that its exception, rule and suppression problems come in the same report. Only a spec
    // of the wrong shape is not (the constructs would fail on it with a TypeError), and a build
    // that fails on a spec already refused adds nothing to the report.
    if (malformed.includes(spec)) continue;
    const refused = blockingResults(results).some((r) => r.environment === spec.name);
    const parts = await synthesizeEnvironment(spec, today, exceptions, cacheFor(spec, exceptions, options.cache, notes), options.workers).catch((error: unknown) => {
      if (refused) return [];
      throw error;
    });
    files.set(`${outputPath(estateDir(spec.name))}/environment.json`, environmentIndex(spec));
    for (const part of parts) {
      results.push(...part.results);
      summary.push(...part.summary);
      for (const [path, content] of part.files) files.set(path, content);
    }
  }
  const blocking = blockingResults(results);
  if (blocking.length > 0) throw new SynthRefusedError(blocking);
  // The report covers the whole estate: a partial synth (`--env`) leaves it as it is.
  const whole = specs.length === all.length;
  if (whole) {
    const dated = specCheck.datedRules;
    const report = complianceReportFiles(
      results.filter((r) => !dated.has(r.rule)),
      ruleCatalogue(specCheck.rules.filter((rule) => !dated.has(rule.id))),
    );
    for (const [path, content] of report) files.set(`${outputPath(COMPLIANCE_DIR)}/${path}`, content);
  }
  return {
    files,
    summary,
    notes,
    warnings: results.filter((r) => r.status === 'fail' && r.level === 'warning').map(violationOf),
    ownedDirs: [
      ...specs.flatMap((s) => [
        outputPath(k8sEnvironmentDir(s.name)),
        outputPath(bootstrapDir(s.name)),
        outputPath(estateDir(s.name)),
        outputPath(policyTestsEnvironmentDir(s.name)),
        outputPath(prometheusTestsEnvironmentDir(s.name)),
        outputPath(alertmanagerTestsDir(s.name)),
        outputPath(secretsInventoryDir(s.name)),
        outputPath(terraformEnvironmentDir(s.name)),
      ]),
      ...(whole ? [outputPath(COMPLIANCE_DIR)] : []),
    ],
  };
}

/** dist/estate/<env>/environment.json: what `npm run diff` needs to know of the environment without its code. */
function environmentIndex(spec: EnvironmentSpec): string {
  return `${JSON.stringify({ environment: spec.name, tier: spec.tier }, null, 2)}\n`;
}

/**
 * The cache for an environment whose spec and exceptions are plain data (the cache compares them
 * value by value); none, with a note saying why, for one that holds a function or a class.
 */
function cacheFor(spec: EnvironmentSpec, exceptions: readonly PolicyExceptionDefinition[], cache: SynthCache | undefined, notes: string[]): SynthCache | undefined {
  if (cache === undefined) return undefined;
  const found = notCacheableAt(spec) ?? notCacheableAt(exceptions, 'exceptions');
  if (found === undefined) return cache;
  notes.push(
    `${spec.name}: synthesized without the cache: ${found}, which the cache cannot compare between runs (a spec is data: plain objects, arrays, strings, numbers, booleans, Durations)`,
  );
  return undefined;
}

async function synthesizeEnvironment(
  spec: EnvironmentSpec,
  today: string,
  exceptions: readonly PolicyExceptionDefinition[],
  cache: SynthCache | undefined,
  workers: StackWorkerPool | undefined,
): Promise<EnginePart[]> {
  // Started first: with workers, the stacks render while this thread builds the Kubernetes side.
  const rendering = synthesizeTerraform(spec, today, cache, workers);
  // Not left unhandled while the Kubernetes side builds; rethrown by the await below.
  rendering.catch(() => undefined);
  const k8s =
    cache === undefined
      ? synthesizeKubernetes(spec, today, exceptions)
      : cachedKubernetes(cache, spec, today, exceptions, (renderManifest) => synthesizeKubernetes(spec, today, exceptions, renderManifest));
  const terraform = await rendering;
  // What one engine names, the other must create: checked on both engines' output together.
  const bothEngines = packFor(spec.tier).estate.filter((rule) => rule.reads.includes('terraform'));
  const input = {
    environment: ruleEnvironment(spec),
    clusters: spec.clusters,
    objects: k8s.located ?? [],
    requiredSecrets: k8s.requiredSecrets ?? [],
    views: terraform.views ?? [],
    stackFile: (stack: string) => `${terraformStackDir(spec.name, stack)}/main.tf`,
  };
  const estate: EnginePart = { files: new Map(), summary: [], results: evaluateEstateRules(bothEngines, input, today) };
  return [k8s, terraform, estate];
}
