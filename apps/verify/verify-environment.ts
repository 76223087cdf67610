import { join, relative } from 'node:path';
import type { EnvironmentSpec } from '../../environments/types';
import { policiesAt } from '../../policies';
import { POLICY_EXCEPTIONS } from '../../policies/exceptions';
import { DIST_DIR, k8sEnvironmentDir, policyTestsEnvironmentDir } from '../synth/dist-layout';
import { AdmissionReplay, type ReplayResult, ruleDefinitionsOf } from './admission-replay';
import { checkCharts } from './chart-render';
import { aggregateClusterRoles } from './cluster-role-aggregation';
import { startControlPlane } from './control-plane';
import { type Document, inArgoCdOrder, readDocuments, toYamlDocument, undefinedNamespaces } from './documents';
import { engineCrds } from './engine-crds';
import { type EngineBinaries, kyvernoVersionOf } from './engines';
import { Kubectl } from './kubectl';
import { failureLines, runKyvernoTests } from './kyverno-cli-suites';
import { type KyvernoChartValues, kyvernoChartValues, startKyverno, statusWritesSkipKyverno, webhooksWithoutMatchConditions } from './kyverno-engine';
import { type RunScope, waitFor, yieldToSignals } from './processes';
import { admitRolloutPods } from './rollout-pods';
import { checkTenantIsolation } from './tenant-isolation';
import type { VerifyOptions } from './verify-options';

export interface EnvironmentReport {
  readonly environment: string;
  /** Every problem the engines found; empty when the environment passed. */
  readonly problems: readonly string[];
  readonly lines: readonly string[];
  readonly seconds: number;
}

/**
 * The engine checks of one environment: its documents applied by a real API server with the
 * pinned engines' CRDs, its policies loaded and every case replayed by the real Kyverno, and its
 * Kyverno CLI suites run by the real CLI.
 */
export async function verifyEnvironment(spec: EnvironmentSpec, engines: EngineBinaries, scope: RunScope, options: VerifyOptions): Promise<EnvironmentReport> {
  const started = Date.now();
  const problems: string[] = [];
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(`[${spec.name}] ${line}`);
  };
  const inDist = (path: string) => join(options.dist, relative(DIST_DIR, path));

  if (options.checks.has('documents')) {
    const documents = inArgoCdOrder(readDocuments(inDist(k8sEnvironmentDir(spec.name))));
    const chartValues = kyvernoChartValues(documents);
    const kubectl = await clusterFor(spec, engines, scope, options, chartValues, say);
    for (const namespace of undefinedNamespaces(documents)) {
      // Argo CD creates an Application's destination namespace (CreateNamespace=true), or the chart does.
      kubectl.run(['create', 'namespace', namespace]);
    }
    if (options.kubeconfig !== undefined) {
      // The replay removes and restores policies and moves exceptions; on an existing cluster,
      // every policy and exception is applied again at the end, however the run ends.
      const policyDocuments = documents.filter((d) => d.object.kind === 'ClusterPolicy' || d.object.kind === 'PolicyException');
      scope.beforeStop(() => {
        for (const d of policyDocuments) kubectl.serverSideApply(toYamlDocument(d.object));
      });
    }
    const refused = await applyDocuments(kubectl, documents);
    problems.push(...refused.map((r) => r.problem));
    // ClusterRoles of the documents may carry aggregate-to-* labels: aggregate again, as the controller would.
    if (options.kubeconfig === undefined) aggregateClusterRoles(kubectl);
    say(`${documents.length - refused.length} of ${documents.length} documents of ${inDist(k8sEnvironmentDir(spec.name))} accepted (server-side apply, Argo CD's order)`);
    const notReady = await policiesReady(
      kubectl,
      documents.filter((d) => !refused.some((r) => r.document === d)),
      scope,
    );
    problems.push(...notReady);
    const policyCount = documents.filter((d) => d.object.kind === 'ClusterPolicy' && !refused.some((r) => r.document === d)).length;
    say(`${policyCount - notReady.length} of ${policyCount} applied ClusterPolicies Ready in Kyverno`);
    const rolloutPods = admitRolloutPods(
      kubectl,
      documents.filter((d) => !refused.some((r) => r.document === d)),
    );
    problems.push(...rolloutPods.problems);
    if (rolloutPods.admitted + rolloutPods.problems.length > 0) {
      say(`${rolloutPods.admitted} of ${rolloutPods.admitted + rolloutPods.problems.length} Rollouts' Pods admitted by the API server and Kyverno (server-side dry run)`);
    }
    const unconditioned = webhooksWithoutMatchConditions(kubectl, chartValues);
    problems.push(...unconditioned.map((w) => `Kyverno webhook without the add-on's match conditions: ${w}`));

    if (options.checks.has('tenancy')) {
      const tenancy = await checkTenantIsolation(
        kubectl,
        documents.filter((d) => !refused.some((r) => r.document === d)),
      );
      problems.push(...tenancy.problems);
      for (const line of tenancy.lines) say(line);
    }

    if (options.checks.has('replay')) {
      const policies = policiesAt(spec.kyverno.catalog);
      // Offline, Kyverno cannot fetch signatures: image verification would refuse every pod.
      for (const definition of policies.filter((p) => ruleDefinitionsOf(p).every((r) => r.type === 'verifyImages'))) {
        kubectl.run(['delete', 'clusterpolicy', definition.name, '--ignore-not-found']);
        say(`${definition.name} accepted by Kyverno, then removed for the replay (needs registry access)`);
      }
      const exceptions = POLICY_EXCEPTIONS.filter((e) => e.environments.includes(spec.name));
      // Validate cases state what one rule decides on the resource as written. Defaulting policies
      // (mutate, generate) would change it first: the generated LimitRange fills in missing memory
      // requests and limits, the seccomp default fills in the profile. So validate cases are
      // replayed without them, then the defaulting policies are restored and replayed.
      const defaulting = policies.filter((p) => ruleDefinitionsOf(p).some((r) => r.type === 'mutate' || r.type === 'generate'));
      const defaultingDocuments = documents.filter((d) => d.object.kind === 'ClusterPolicy' && defaulting.some((p) => p.name === d.object.metadata.name));
      for (const d of defaultingDocuments) kubectl.run(['delete', 'clusterpolicy', d.object.metadata.name, '--ignore-not-found']);
      await settle();
      const replay = new AdmissionReplay(kubectl, spec);
      const results = [
        ...(await replay.run(
          policies.filter((p) => !defaulting.includes(p)),
          exceptions,
        )),
      ];
      problems.push(...(await applyDocuments(kubectl, defaultingDocuments)).map((r) => r.problem), ...(await policiesReady(kubectl, defaultingDocuments, scope)));
      results.push(...(await replay.run(defaulting, [])));
      for (const r of results.filter((x) => !x.ok)) problems.push(`replay ${r.policy}/${r.rule} case ${r.testCase} (${r.variant}): expected ${r.expected}, ${r.detail}`);
      const replayed = results.filter((r) => r.expected !== 'not-replayed');
      say(
        `admission replay: ${replayed.filter((r) => r.ok).length} of ${replayed.length} requests answered as ${spec.name} promises, ${results.length - replayed.length} not replayed`,
      );
      for (const line of replayTable(results)) say(line);
    }

    // Where the Applications policy fails closed, prove that Argo CD's status writes skip Kyverno.
    const application = documents.find((d) => d.object.kind === 'Application');
    if (options.kubeconfig === undefined && spec.tier === 'production' && application !== undefined) {
      const found = statusWritesSkipKyverno(kubectl, scope, { name: application.object.metadata.name, namespace: application.object.metadata.namespace ?? 'argocd' });
      problems.push(...found);
      say(
        `with Kyverno stopped: Application status writes ${found.some((p) => p.includes('status-only')) ? 'REFUSED' : 'admitted'}, spec changes ${found.some((p) => p.includes('spec change')) ? 'NOT refused' : 'refused (fail closed)'}`,
      );
    }
  }

  if (options.checks.has('charts')) {
    const charts = checkCharts(spec, readDocuments(inDist(k8sEnvironmentDir(spec.name))), engines.helm, scope.scratchDir(`charts-${spec.name}`));
    problems.push(...charts.problems);
    for (const line of charts.lines) say(line);
  }

  if (options.checks.has('suites')) {
    const suites = runKyvernoTests(engines.kyverno(kyvernoVersionOf(spec)).cli, inDist(policyTestsEnvironmentDir(spec.name)));
    if (!suites.ok) problems.push(`kyverno test ${inDist(policyTestsEnvironmentDir(spec.name))} failed:\n${failureLines(suites.output).join('\n')}`);
    say(`kyverno test ${inDist(policyTestsEnvironmentDir(spec.name))}: ${suites.ok ? 'passed' : 'FAILED'}${cliSummary(suites.output)}`);
  }

  return { environment: spec.name, problems, lines, seconds: (Date.now() - started) / 1000 };
}

/**
 * A throwaway control plane with the pinned engines' CRDs and the real Kyverno, or the existing
 * cluster of `--kubeconfig` (which must run Kyverno already: its API server cannot reach a
 * Kyverno started here).
 */
async function clusterFor(
  spec: EnvironmentSpec,
  engines: EngineBinaries,
  scope: RunScope,
  options: VerifyOptions,
  chartValues: KyvernoChartValues,
  say: (line: string) => void,
): Promise<Kubectl> {
  let kubectl: Kubectl;
  if (options.kubeconfig === undefined) {
    kubectl = (await startControlPlane(engines, scope, spec.name)).kubectl;
    // No controller manager runs here: fill in admin, edit and view as its aggregation controller would.
    const rules = aggregateClusterRoles(kubectl);
    say(
      `control plane up: kube-apiserver ${serverVersion(kubectl)} and etcd on loopback; ClusterRoles aggregated (view ${rules.view}, edit ${rules.edit}, admin ${rules.admin} rules)`,
    );
  } else {
    kubectl = new Kubectl(engines.kubectl, options.kubeconfig);
    say(`existing cluster from ${options.kubeconfig}: kube-apiserver ${serverVersion(kubectl)}`);
  }
  const crds = engineCrds(spec.charts);
  for (const crd of crds) {
    await yieldToSignals();
    const applied = kubectl.serverSideApply(crd.yaml);
    if (!applied.ok) throw new Error(`CRD ${crd.source} refused: ${applied.stderr}`);
  }
  kubectl.must(['wait', '--for=condition=Established', 'crd', '--all', '--timeout=120s']);
  say(`${crds.length} CRDs installed from the engines' releases: ${[...new Set(crds.map((c) => c.module))].join(', ')}`);
  if (options.kubeconfig === undefined) {
    const version = kyvernoVersionOf(spec);
    await startKyverno(engines.kyverno(version), kubectl, scope, scope.scratchDir(`kyverno-${spec.name}`), chartValues);
    say(`Kyverno ${version} admission and background controllers running, webhooks registered`);
  } else if (!kubectl.run(['get', 'validatingwebhookconfiguration', 'kyverno-policy-validating-webhook-cfg']).ok) {
    throw new Error(`${options.kubeconfig}: Kyverno is not running there (no kyverno-policy-validating-webhook-cfg); install the kyverno chart ${spec.charts.kyverno} first`);
  }
  return kubectl;
}

/** Kyverno's policy cache and webhooks follow a policy change within a few seconds. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3000));
}

function serverVersion(kubectl: Kubectl): string {
  const version = JSON.parse(kubectl.must(['get', '--raw', '/version'])) as { gitVersion: string };
  return version.gitVersion;
}

/**
 * Server-side applies every document in order, one request per document so that a refusal names
 * its file and the server's message. Applications and ApplicationSets are stored, not executed.
 */
async function applyDocuments(kubectl: Kubectl, documents: readonly Document[]): Promise<{ readonly document: Document; readonly problem: string }[]> {
  const refused: { document: Document; problem: string }[] = [];
  for (const document of documents) {
    await yieldToSignals();
    const result = kubectl.serverSideApply(toYamlDocument(document.object));
    if (!result.ok) refused.push({ document, problem: `${document.file}: ${document.object.kind} ${document.object.metadata.name} refused: ${result.stderr}` });
  }
  return refused;
}

interface PolicyStatus {
  readonly metadata: { readonly name: string };
  readonly status?: { readonly conditions?: readonly { readonly type: string; readonly status: string; readonly message?: string }[] };
}

/** Every ClusterPolicy the documents hold must be Ready in Kyverno; a refusal names its file. */
async function policiesReady(kubectl: Kubectl, documents: readonly Document[], scope: RunScope): Promise<string[]> {
  const expected = documents.filter((d) => d.object.kind === 'ClusterPolicy');
  const readiness = (): Map<string, PolicyStatus> => {
    const list = kubectl.getJson<{ items: PolicyStatus[] }>(['clusterpolicies']);
    return new Map((list?.items ?? []).map((p) => [p.metadata.name, p]));
  };
  const isReady = (p: PolicyStatus | undefined) => p?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
  try {
    await waitFor(
      'every ClusterPolicy to be Ready in Kyverno',
      () => (expected.every((d) => isReady(readiness().get(d.object.metadata.name))) ? true : undefined),
      90_000,
      scope,
      1000,
    );
    return [];
  } catch {
    const states = readiness();
    return expected
      .filter((d) => !isReady(states.get(d.object.metadata.name)))
      .map((d) => {
        const state = states.get(d.object.metadata.name);
        const message = state?.status?.conditions?.find((c) => c.type === 'Ready')?.message;
        return `${d.file}: ClusterPolicy ${d.object.metadata.name} is not Ready in Kyverno${state === undefined ? ' (not stored: refused at apply)' : ''}${message ? `: ${message}` : ''}`;
      });
  }
}

function replayTable(results: readonly ReplayResult[]): string[] {
  return results.map((r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.policy}/${r.rule} ${r.testCase} [${r.variant}] expected ${r.expected}: ${r.detail}`);
}

function cliSummary(output: string): string {
  const counts = /Test Summary: (\d+) tests passed and (\d+) tests failed/.exec(output);
  return counts ? ` (${counts[1]} results passed, ${counts[2]} failed)` : '';
}
