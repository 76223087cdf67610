import type { KubeResource, PolicyCase, PolicyDefinition } from '../../constructs/kyverno/policy-definition';
import type { PolicyExceptionDefinition } from '../../constructs/kyverno/policy-exception';
import { POLICY_EXCEPTION_NAMESPACE } from '../../constructs/kyverno/policy-exception';
import type { RuleDefinition, RuleType } from '../../constructs/kyverno/rule-definition';
import type { EnvironmentSpec } from '../../environments/types';
import { type Admission, enforces, expectedAdmission, variantsFor } from './admission-expectations';
import { toYamlDocument } from './documents';
import { firstDifference } from './first-difference';
import type { Kubectl, KubectlResult } from './kubectl';
import { yieldToSignals } from './processes';

/** One replayed request and whether the engines answered as expected. */
export interface ReplayResult {
  readonly policy: string;
  readonly rule: string;
  readonly testCase: string;
  readonly variant: string;
  readonly expected: Admission;
  readonly ok: boolean;
  readonly detail: string;
}

/** How long Kyverno may take to see a relabelled namespace, a new exception or a new report. */
const SETTLE_MS = 2000;
const REPORT_WAIT_MS = 20_000;
const GENERATE_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every rule a policy defines, A/B variants included. */
export function ruleDefinitionsOf(definition: PolicyDefinition): readonly RuleDefinition[] {
  return [...definition.rules, ...(definition.abTest ? [...definition.abTest.a, ...definition.abTest.b] : [])];
}

function ruleTypeOf(definition: PolicyDefinition, rule: string): RuleType {
  const found = ruleDefinitionsOf(definition).find((r) => r.name === rule);
  if (found === undefined) throw new Error(`policy ${definition.name}: a case names rule ${rule}, which it does not have`);
  return found.type;
}

/**
 * Replays every policy case of one environment as real admission requests against the API server
 * and the real Kyverno, in a namespace carrying the case's labels (staging: once in a canary
 * namespace, once in another), and checks the answer against what the environment promises.
 */
export class AdmissionReplay {
  private readonly results: ReplayResult[] = [];
  private readonly namespaceLabels = new Map<string, string>();
  /** Audited requests whose admission reports are checked together at the end of a variant. */
  private pendingReports: { readonly definition: PolicyDefinition; readonly testCase: PolicyCase; readonly variant: string }[] = [];

  constructor(
    private readonly kubectl: Kubectl,
    private readonly spec: EnvironmentSpec,
  ) {}

  async run(policies: readonly PolicyDefinition[], exceptions: readonly PolicyExceptionDefinition[]): Promise<readonly ReplayResult[]> {
    const before = this.results.length;
    const variants = [...new Set(policies.flatMap((p) => p.cases.flatMap((c) => variantsFor(this.spec, c).map((v) => v.name))))];
    for (const [index, variant] of variants.entries()) {
      for (const definition of policies) {
        for (const testCase of definition.cases) {
          const chosen = variantsFor(this.spec, testCase).find((v) => v.name === variant);
          if (chosen === undefined) continue;
          const type = ruleTypeOf(definition, testCase.rule);
          // Generate rules have no failure action: they are replayed once.
          if (type === 'generate' && index > 0) continue;
          await this.replayCase(definition, type, testCase, chosen.name, chosen.labels);
        }
      }
      await this.checkPendingReports();
    }
    for (const exception of exceptions) await this.replayException(exception, policies);
    return this.results.slice(before);
  }

  private record(definition: PolicyDefinition, testCase: PolicyCase, variant: string, expected: Admission, ok: boolean, detail: string): void {
    this.results.push({ policy: definition.name, rule: testCase.rule, testCase: testCase.resource.metadata.name, variant, expected, ok, detail });
  }

  /** Creates the case's namespace with exactly these labels (and its default ServiceAccount). */
  private async prepareNamespace(namespace: string | undefined, labels: Readonly<Record<string, string>>): Promise<void> {
    if (namespace === undefined) return;
    const wanted = JSON.stringify(labels);
    if (this.namespaceLabels.get(namespace) === wanted) return;
    const current = this.kubectl.getJson<{ metadata: { labels?: Record<string, string> } }>(['namespace', namespace]);
    const stale = Object.keys(current?.metadata.labels ?? {}).filter((k) => !(k in labels) && k !== 'kubernetes.io/metadata.name');
    if (current === undefined) {
      this.kubectl.must(['create', 'namespace', namespace]);
    }
    if (stale.length > 0) this.kubectl.must(['label', 'namespace', namespace, ...stale.map((k) => `${k}-`)]);
    const set = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
    if (set.length > 0) this.kubectl.must(['label', '--overwrite', 'namespace', namespace, ...set]);
    if (!this.kubectl.run(['get', 'serviceaccount', 'default', '-n', namespace]).ok) {
      // No controller manager runs here: the ServiceAccount admission plugin needs it for pods.
      this.kubectl.run(['create', 'serviceaccount', 'default', '-n', namespace]);
    }
    this.namespaceLabels.set(namespace, wanted);
    // Kyverno reads namespaces and their labels from its informer cache.
    await sleep(SETTLE_MS);
  }

  private async replayCase(definition: PolicyDefinition, type: RuleType, testCase: PolicyCase, variant: string, labels: Readonly<Record<string, string>>): Promise<void> {
    await yieldToSignals();
    const expectation = expectedAdmission(this.spec, definition, type, testCase, labels);
    const { resource } = testCase;
    if (expectation.admission === 'not-replayed') {
      this.record(definition, testCase, variant, 'not-replayed', true, expectation.why);
      return;
    }
    await this.prepareNamespace(resource.metadata.namespace, labels);
    if (type === 'generate') {
      await this.replayGenerate(definition, testCase, variant);
      return;
    }
    const operation = testCase.request?.['request.operation'];
    // Kyverno writes admission reports for CREATEs that are not dry runs; an audited DELETE or
    // UPDATE is replayed as a dry run, so only its admission is checked.
    const reported = expectation.admission === 'admitted-reported' && operation === undefined;
    const audit = expectation.admission === 'admitted-reported';
    let answer: KubectlResult;
    if (operation === 'DELETE' || operation === 'UPDATE') {
      // The object must exist first; the DELETE or UPDATE is what the rule judges.
      this.kubectl.run(['create', '-f', '-'], toYamlDocument(resource));
      answer =
        operation === 'DELETE'
          ? this.kubectl.run(['delete', '--dry-run=server', '--wait=false', resource.kind, resource.metadata.name, ...namespaceArgs(resource)])
          : this.kubectl.run(['replace', '--dry-run=server', '-f', '-'], toYamlDocument(resource));
    } else if (operation !== undefined) {
      throw new Error(`policy ${definition.name}: case ${resource.metadata.name} asks for request.operation ${operation}, which the replay does not make`);
    } else if (audit) {
      // A real create: Kyverno writes admission reports for requests that are not dry runs.
      this.deleteIfPresent(resource);
      answer = this.kubectl.run(['create', '-f', '-', '-o', 'json'], toYamlDocument(resource));
    } else {
      answer = await this.createDryRun(resource, expectation.admission === 'denied');
    }
    const byThisPolicy = refusedBy(answer, definition.name);
    if (expectation.admission === 'denied') {
      this.record(
        definition,
        testCase,
        variant,
        'denied',
        byThisPolicy,
        byThisPolicy ? 'denied' : answer.ok ? 'admitted' : `refused, but not by ${definition.name}: ${answer.stderr}`,
      );
      return;
    }
    if (!answer.ok) {
      // A plain validate case states what its own policy decides: another policy may still refuse
      // the resource (a pod that passes baseline can break restricted), and that is no failure of
      // this one. A case that must also be mutated or reported cannot be judged that way.
      const other = kyvernoRefusal(answer) && !byThisPolicy && type === 'validate' && !audit;
      this.record(definition, testCase, variant, expectation.admission, other, other ? `admitted by ${definition.name}; refused by other policies` : `refused: ${answer.stderr}`);
      return;
    }
    if (reported) {
      this.pendingReports.push({ definition, testCase, variant });
      return;
    }
    if (type === 'mutate' && testCase.produces !== undefined) {
      const mutated = JSON.parse(answer.stdout) as unknown;
      const difference = firstDifference(testCase.produces.spec ?? {}, (mutated as { spec?: unknown }).spec ?? {}, 'spec');
      this.record(
        definition,
        testCase,
        variant,
        'admitted',
        difference === undefined,
        difference === undefined ? 'admitted and mutated as expected' : `admitted, but ${difference}`,
      );
      return;
    }
    this.record(definition, testCase, variant, expectation.admission, true, audit ? 'admitted (a dry run: no admission report to check)' : 'admitted');
  }

  /** Dry-run create (nothing persists); an expected refusal is retried while Kyverno loads policies. */
  private async createDryRun(resource: KubeResource, expectRefusal: boolean): Promise<KubectlResult> {
    const deadline = Date.now() + (expectRefusal ? 15_000 : 0);
    for (;;) {
      const answer = this.kubectl.run(['create', '--dry-run=server', '-f', '-', '-o', 'json'], toYamlDocument(resource));
      if (!expectRefusal || !answer.ok || Date.now() > deadline) return answer;
      await sleep(1000);
    }
  }

  private deleteIfPresent(resource: KubeResource): void {
    this.kubectl.run(['delete', '--ignore-not-found', '--wait=false', resource.kind, resource.metadata.name, ...namespaceArgs(resource)]);
  }

  /**
   * Kyverno writes admission reports after it answers: each audited request must show up in one,
   * as a failure of its policy and rule. The objects are removed afterwards, so the next variant
   * can create them again.
   */
  private async checkPendingReports(): Promise<void> {
    const pending = this.pendingReports;
    this.pendingReports = [];
    const deadline = Date.now() + REPORT_WAIT_MS;
    let missing = pending;
    while (missing.length > 0) {
      const reports = this.allReports();
      missing = missing.filter(({ definition, testCase }) => !reports.some((report) => reportsFailure(report, testCase.resource, definition.name, testCase.rule)));
      if (missing.length === 0 || Date.now() > deadline) break;
      await sleep(1000);
    }
    for (const entry of pending) {
      const { definition, testCase, variant } = entry;
      const reported = !missing.includes(entry);
      this.record(
        definition,
        testCase,
        variant,
        'admitted-reported',
        reported,
        reported ? 'admitted, failure in the admission report' : 'admitted, but no admission report records the failure',
      );
      this.deleteIfPresent(testCase.resource);
    }
  }

  private allReports(): EphemeralReport[] {
    const namespaced = this.kubectl.getJson<{ items: EphemeralReport[] }>(['ephemeralreports.reports.kyverno.io', '--all-namespaces']);
    const cluster = this.kubectl.getJson<{ items: EphemeralReport[] }>(['clusterephemeralreports.reports.kyverno.io']);
    return [...(namespaced?.items ?? []), ...(cluster?.items ?? [])];
  }

  /** A generate rule's pass case produces its object (background controller); a skip case none. */
  private async replayGenerate(definition: PolicyDefinition, testCase: PolicyCase, variant: string): Promise<void> {
    const { resource } = testCase;
    const product = testCase.produces ?? definition.cases.find((c) => c.rule === testCase.rule && c.produces !== undefined)?.produces;
    if (product === undefined) throw new Error(`policy ${definition.name}: rule ${testCase.rule} has no case with the object it generates`);
    const created = this.kubectl.run(['create', '-f', '-'], toYamlDocument(resource));
    if (!created.ok && !/AlreadyExists/.test(created.stderr)) {
      this.record(definition, testCase, variant, 'admitted', false, `refused: ${created.stderr}`);
      return;
    }
    const namespace = resource.kind === 'Namespace' ? resource.metadata.name : resource.metadata.namespace;
    const get = () => this.kubectl.getJson<{ spec?: unknown; data?: unknown }>([product.kind, product.metadata.name, ...(namespace ? ['-n', namespace] : [])]);
    if (testCase.expect === 'skip') {
      // Give the background controller the time a pass case needs before concluding nothing came.
      await sleep(SETTLE_MS * 2);
      const found = get();
      this.record(
        definition,
        testCase,
        variant,
        'admitted',
        found === undefined,
        found === undefined ? `nothing generated in ${namespace}` : `a ${product.kind} was generated in ${namespace}, which the rule excludes`,
      );
      return;
    }
    const deadline = Date.now() + GENERATE_WAIT_MS;
    let generated = get();
    while (generated === undefined && Date.now() < deadline) {
      await sleep(1000);
      generated = get();
    }
    if (generated === undefined) {
      this.record(
        definition,
        testCase,
        variant,
        'admitted',
        false,
        `no ${product.kind} ${product.metadata.name} was generated in ${namespace} within ${GENERATE_WAIT_MS / 1000} s`,
      );
      return;
    }
    const difference = firstDifference(product.spec ?? product.data ?? {}, generated.spec ?? generated.data ?? {}, product.spec !== undefined ? 'spec' : 'data');
    this.record(
      definition,
      testCase,
      variant,
      'admitted',
      difference === undefined,
      difference === undefined ? `generated ${product.kind} ${product.metadata.name}` : `generated, but ${difference}`,
    );
  }

  /**
   * An exception waives its rules for the resources it names, and only from the `kyverno`
   * namespace: a failing case moved into the exception's scope is admitted; once the exception
   * lives in another namespace instead, the environment's failure action applies again.
   */
  private async replayException(exception: PolicyExceptionDefinition, policies: readonly PolicyDefinition[]): Promise<void> {
    for (const waiver of exception.waives) {
      const definition = policies.find((p) => p.name === waiver.policy);
      const failing = definition?.cases.find((c) => waiver.rules.includes(c.rule) && c.expect === 'fail');
      const filter = 'any' in exception.match ? exception.match.any[0] : exception.match.all[0];
      const namespace = filter?.resources.namespaces?.[0];
      const notReplayed = (why: string) =>
        this.results.push({
          policy: waiver.policy,
          rule: waiver.rules.join(','),
          testCase: `exception ${exception.name}`,
          variant: 'exception',
          expected: 'not-replayed',
          ok: true,
          detail: why,
        });
      if (definition === undefined || failing === undefined) {
        notReplayed(`${waiver.policy} has no fail case of ${waiver.rules.join(', ')} in this environment to move into the exception's scope`);
        continue;
      }
      const name = (filter?.resources.names?.[0] ?? failing.resource.metadata.name).replace(/\*/g, 'verify');
      if (namespace === undefined || !(filter?.resources.kinds ?? [failing.resource.kind]).includes(failing.resource.kind)) {
        notReplayed(`the exception's first match filter names no namespace, or not the kind ${failing.resource.kind} of the fail case`);
        continue;
      }
      const resource: KubeResource = { ...failing.resource, metadata: { ...failing.resource.metadata, name, namespace } };
      const labels = failing.namespaceLabels ?? {};
      await this.prepareNamespace(namespace, labels);
      const caseName = `${name} (exception ${exception.name})`;
      const waived = this.kubectl.run(['create', '--dry-run=server', '-f', '-'], toYamlDocument(resource));
      this.record(
        definition,
        { ...failing, resource },
        'exception in kyverno',
        'admitted',
        waived.ok,
        waived.ok ? `admitted under ${exception.name}` : `refused despite ${exception.name}: ${waived.stderr}`,
      );

      // The same exception outside the kyverno namespace must not count.
      const manifest = this.kubectl.getJson<{ apiVersion: string; kind: string; metadata: { name: string }; spec: unknown }>([
        'policyexception',
        exception.name,
        '-n',
        POLICY_EXCEPTION_NAMESPACE,
      ]);
      if (manifest === undefined) {
        this.record(definition, { ...failing, resource }, 'exception elsewhere', 'denied', false, `PolicyException ${exception.name} is not in ${POLICY_EXCEPTION_NAMESPACE}`);
        continue;
      }
      const moved = { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: { name: exception.name, namespace }, spec: manifest.spec };
      this.kubectl.must(['delete', 'policyexception', exception.name, '-n', POLICY_EXCEPTION_NAMESPACE]);
      this.kubectl.must(['create', '-f', '-'], toYamlDocument(moved));
      await sleep(SETTLE_MS);
      const expected = enforces(this.spec, definition, labels) ? 'denied' : 'admitted';
      const answer = this.kubectl.run(['create', '--dry-run=server', '-f', '-'], toYamlDocument(resource));
      const ok = expected === 'denied' ? refusedBy(answer, definition.name) : answer.ok;
      this.record(
        definition,
        { ...failing, resource: { ...resource, metadata: { ...resource.metadata, name: caseName } } },
        `exception in ${namespace}`,
        expected,
        ok,
        answer.ok ? 'admitted' : `refused: ${answer.stderr}`,
      );
      // Put it back for the next waiver.
      this.kubectl.run(['delete', 'policyexception', exception.name, '-n', namespace]);
      this.kubectl.must(['create', '-f', '-'], toYamlDocument({ ...moved, metadata: { name: exception.name, namespace: POLICY_EXCEPTION_NAMESPACE } }));
      await sleep(SETTLE_MS);
    }
  }
}

/** Whether a report is about this resource and records the rule (or its autogen/split copy) failing. */
function reportsFailure(report: EphemeralReport, resource: KubeResource, policy: string, rule: string): boolean {
  // Admission reports name their resource in an annotation (pkg/utils/report/metadata.go, v1.19.1).
  const name = report.metadata?.annotations?.['audit.kyverno.io/resource.name'] ?? report.spec?.owner?.name;
  if (name !== resource.metadata.name || (report.metadata?.namespace ?? undefined) !== resource.metadata.namespace) return false;
  return (report.spec?.results ?? []).some((r) => r.policy === policy && r.result === 'fail' && (r.rule === rule || r.rule.startsWith(`${rule}-`) || r.rule.endsWith(`-${rule}`)));
}

interface EphemeralReport {
  readonly metadata?: { readonly namespace?: string; readonly annotations?: Readonly<Record<string, string>> };
  readonly spec?: {
    readonly owner?: { readonly name?: string };
    readonly results?: readonly { readonly policy: string; readonly rule: string; readonly result: string }[];
  };
}

function kyvernoRefusal(answer: KubectlResult): boolean {
  return !answer.ok && /admission webhook "[^"]*kyverno[^"]*" denied the request/.test(answer.stderr);
}

/**
 * Whether Kyverno refused the request because of this policy: its refusal lists each blocking
 * policy on a line of its own, `<policy>:` (pkg/webhooks/utils/block.go, GetBlockedMessages).
 */
function refusedBy(answer: KubectlResult, policy: string): boolean {
  return kyvernoRefusal(answer) && new RegExp(`(^|\\n)${policy}:\\s*\\n`).test(answer.stderr);
}

function namespaceArgs(resource: KubeResource): string[] {
  return resource.metadata.namespace !== undefined ? ['-n', resource.metadata.namespace] : [];
}
