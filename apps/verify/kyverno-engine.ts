import { parse } from 'yaml';
import { POLICY_EXCEPTION_NAMESPACE } from '../../constructs/kyverno/policy-exception';
import type { Document } from './documents';
import type { KyvernoBinaries } from './engines';
import type { Kubectl } from './kubectl';
import { freePort, type RunScope, waitFor } from './processes';

const NAMESPACE = 'kyverno';
export const ADMISSION_CONTROLLER_PROCESS = 'kyverno-admission-controller';

/** The identity the background controller's permission check is made for (as the chart names it). */
const BACKGROUND_SERVICE_ACCOUNT = 'kyverno-background-controller';
const ADMISSION_SERVICE_ACCOUNT = 'kyverno-admission-controller';

/**
 * The chart gives Kyverno's controllers read access to everything and the background controller
 * the kinds our generate rules create; Kyverno refuses a generate policy when these identities lack
 * them (pkg/policy/generate/validate.go). Here both are bound to cluster-admin instead: the
 * harness checks policies and admission, not the chart's RBAC.
 */
function controllerBinding(serviceAccount: string): string {
  return (
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: verify-${serviceAccount}\n` +
    `roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ${serviceAccount}\n    namespace: ${NAMESPACE}`
  );
}

/**
 * Starts the real Kyverno admission controller and background controller out of cluster against
 * the throwaway API server, as the kyverno chart configures them for our environments (policy
 * exceptions on, honoured only from the `kyverno` namespace: add-ons/kyverno.ts). Kyverno registers
 * its webhooks at `https://<serverIP>` itself and writes its own CA and serving certificate
 * (SANs include serverIP). Source: kyverno v1.19.1 cmd/kyverno/main.go (`--serverIP`),
 * pkg/controllers/webhook/utils.go (URL client config), pkg/tls/keypair.go (IP SANs),
 * cmd/internal/check.go (required environment).
 */
export async function startKyverno(kyverno: KyvernoBinaries, kubectl: Kubectl, scope: RunScope, logDir: string, values: KyvernoChartValues): Promise<void> {
  const setup = kubectl.serverSideApply(
    [
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${NAMESPACE}`,
      // The chart's `kyverno` ConfigMap, with the one value our add-on sets that Kyverno reads at
      // admission (charts/kyverno/templates/config/configmap.yaml: `matchConditions: {{ toJson }}`).
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kyverno\n  namespace: ${NAMESPACE}\ndata:\n` +
        (values.matchConditions.length > 0 ? `  matchConditions: ${JSON.stringify(JSON.stringify(values.matchConditions))}` : '  {}'),
      controllerBinding(ADMISSION_SERVICE_ACCOUNT),
      controllerBinding(BACKGROUND_SERVICE_ACCOUNT),
    ].join('\n---\n'),
  );
  if (!setup.ok) throw new Error(`preparing the kyverno namespace and identities: ${setup.stderr}`);
  const env = {
    ...process.env,
    KYVERNO_NAMESPACE: NAMESPACE,
    KYVERNO_SERVICEACCOUNT_NAME: ADMISSION_SERVICE_ACCOUNT,
    KYVERNO_DEPLOYMENT: 'kyverno-admission-controller',
    KYVERNO_POD_NAME: 'verify',
    INIT_CONFIG: 'kyverno',
    METRICS_CONFIG: 'kyverno-metrics',
  };
  const [webhookPort, admissionMetrics, backgroundMetrics] = [await freePort(), await freePort(), await freePort()];
  const exceptions = ['--enablePolicyException=true', `--exceptionNamespace=${POLICY_EXCEPTION_NAMESPACE}`];
  const common = [`--kubeconfig=${kubectl.kubeconfig}`, '--metricsHost=127.0.0.1', '--controllerRuntimeMetricsAddress=0', ...exceptions];
  scope.start(
    ADMISSION_CONTROLLER_PROCESS,
    kyverno.admissionController,
    [
      ...common,
      `--metricsPort=${admissionMetrics}`,
      `--serverIP=127.0.0.1:${webhookPort}`,
      '--webhookServerHost=127.0.0.1',
      `--webhookServerPort=${webhookPort}`,
      `--caSecretName=kyverno-svc.${NAMESPACE}.svc.kyverno-tls-ca`,
      `--tlsSecretName=kyverno-svc.${NAMESPACE}.svc.kyverno-tls-pair`,
      `--backgroundServiceAccountName=system:serviceaccount:${NAMESPACE}:${BACKGROUND_SERVICE_ACCOUNT}`,
      '--imageVerifyCacheEnabled=false',
    ],
    logDir,
    env,
  );
  scope.start('kyverno-background-controller', kyverno.backgroundController, [...common, `--metricsPort=${backgroundMetrics}`], logDir, {
    ...env,
    KYVERNO_POD_NAME: 'verify-background',
  });
  await waitFor(
    "Kyverno's policy and exception webhooks",
    () => (kubectl.run(['get', 'validatingwebhookconfiguration', 'kyverno-policy-validating-webhook-cfg', 'kyverno-exception-validating-webhook-cfg']).ok ? true : undefined),
    180_000,
    scope,
    1000,
  );
  // The webhooks are registered; wait until the API server reaches them: the schema accepts this
  // policy, only Kyverno's own validation refuses it (mutateDigest under Audit).
  const refusedByKyvernoOnly =
    'apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: verify-probe\nspec:\n  rules:\n  - name: probe\n' +
    '    match:\n      any:\n      - resources:\n          kinds: [Pod]\n    verifyImages:\n    - imageReferences: ["example.invalid/*"]\n' +
    '      failureAction: Audit\n      mutateDigest: true\n      attestors:\n      - entries:\n        - keyless:\n            subject: probe\n            issuer: https://probe.invalid\n';
  await waitFor(
    'the API server to call Kyverno',
    () => (/mutateDigest must be set to false/.test(kubectl.serverSideApply(refusedByKyvernoOnly, { dryRun: true }).stderr) ? true : undefined),
    60_000,
    scope,
    1000,
  );
}

interface WebhookConfiguration {
  readonly webhooks?: readonly { readonly name: string; readonly matchConditions?: readonly { readonly name: string; readonly expression: string }[] }[];
}

/** The values of the kyverno chart that the harness reproduces, as the synthesized add-on sets them. */
export interface KyvernoChartValues {
  readonly matchConditions: readonly { readonly name: string; readonly expression: string }[];
}

/** The kyverno add-on's Helm values, read from its synthesized ApplicationSet. */
export function kyvernoChartValues(documents: readonly Document[]): KyvernoChartValues {
  const addon = documents.find((d) => d.object.kind === 'ApplicationSet' && chartOf(d.object) === 'kyverno');
  const text = (addon?.object as { spec?: { template?: { spec?: { source?: { helm?: { values?: string } } } } } } | undefined)?.spec?.template?.spec?.source?.helm?.values;
  const values = (text !== undefined ? parse(text) : {}) as { config?: { matchConditions?: KyvernoChartValues['matchConditions'] } } | null;
  return { matchConditions: values?.config?.matchConditions ?? [] };
}

function chartOf(object: Document['object']): string | undefined {
  return (object as { spec?: { template?: { spec?: { source?: { chart?: string } } } } }).spec?.template?.spec?.source?.chart;
}

/**
 * Every resource webhook Kyverno registered carries the add-on's match conditions. Returns the
 * webhooks that do not.
 */
export function webhooksWithoutMatchConditions(kubectl: Kubectl, values: KyvernoChartValues): string[] {
  const missing: string[] = [];
  if (values.matchConditions.length === 0) return missing;
  for (const [kind, name] of [
    ['validatingwebhookconfiguration', 'kyverno-resource-validating-webhook-cfg'],
    ['mutatingwebhookconfiguration', 'kyverno-resource-mutating-webhook-cfg'],
  ] as const) {
    const configuration = kubectl.getJson<WebhookConfiguration>([kind, name]);
    if (configuration === undefined) missing.push(`${name}: not registered`);
    for (const webhook of configuration?.webhooks ?? []) {
      const names = (webhook.matchConditions ?? []).map((c) => c.name);
      for (const condition of values.matchConditions) if (!names.includes(condition.name)) missing.push(`${name}: ${webhook.name} lacks ${condition.name}`);
    }
  }
  return missing;
}

/**
 * With Kyverno's admission controller down, a fail-closed webhook refuses everything it is called
 * for. Argo CD's status-only writes of an Application must still go through (the add-on's match
 * conditions keep them away from Kyverno), while a change of its spec must be refused: proof that
 * the webhook is otherwise called, and fails closed. Stops the admission controller; run last.
 * Returns the problems found.
 */
export function statusWritesSkipKyverno(kubectl: Kubectl, scope: RunScope, application: { readonly name: string; readonly namespace: string }): string[] {
  scope.stop(ADMISSION_CONTROLLER_PROCESS);
  const target = ['application', application.name, '-n', application.namespace, '--type', 'merge', '-p'];
  const status = kubectl.run(['patch', ...target, '{"status":{"reconciledAt":"2026-01-01T00:00:00Z"}}']);
  const spec = kubectl.run(['patch', ...target, '{"spec":{"revisionHistoryLimit":3}}']);
  return [
    ...(status.ok ? [] : [`a status-only write of Application ${application.name} was refused while Kyverno was down: ${status.stderr}`]),
    ...(!spec.ok && /failed calling webhook/.test(spec.stderr)
      ? []
      : [`a spec change of Application ${application.name} was not refused while Kyverno was down (${spec.ok ? 'admitted' : spec.stderr}): the webhook does not fail closed`]),
  ];
}
