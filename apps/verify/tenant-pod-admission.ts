import { type Document, type KubeObject, toYamlDocument } from './documents';
import type { Kubectl } from './kubectl';
import { yieldToSignals } from './processes';
import type { DerivedTenant } from './tenant-expectations';

/**
 * Pod Security and LimitRange in each tenant namespace, at the real API server's admission (server
 * dry run, nothing stored). PodSecurity is on by default in kube-apiserver v1.34
 * (k8s.io/kubernetes v1.34.4 pkg/kubeapiserver/options/plugins.go defaultOnPlugins) and, being
 * validating only, judges the Pod after every mutation (LimitRanger, the ServiceAccount plugin,
 * Kyverno's mutating webhook) and before Kyverno's validating webhook. Kyverno's mutations add a
 * seccomp profile (add-default-pod-security-context) and nothing that makes a privileged container
 * compliant, so a privileged container is refused by PodSecurity itself at the namespace's level.
 * The compliant probe is restricted-compliant, carries the labels require-labels asks for and uses
 * an image no verifyImages rule names, so Kyverno has no reason to refuse it; where it still does
 * (a canary namespace enforcing the registry allow-list), the defaults are reported as not observed.
 */

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
/** Not in the verifyImages rules' imageReferences: image verification (offline here) is not involved. */
const PROBE_IMAGE = 'registry.k8s.io/pause:3.10';

interface LimitRangeItem {
  readonly type?: string;
  readonly default?: Readonly<Record<string, string>>;
  readonly defaultRequest?: Readonly<Record<string, string>>;
}

const labelsOf = (object: KubeObject): Readonly<Record<string, string>> => (object.metadata as { labels?: Record<string, string> }).labels ?? {};

/** A Kubernetes quantity as a number (`500m` → 0.5, `1Gi` → 1073741824), to compare what the server normalised. */
export function quantityValue(quantity: string): number {
  const match = /^([0-9.]+)(m|k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/.exec(quantity.trim());
  if (match === null) return Number.NaN;
  const scale: Readonly<Record<string, number>> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
  return Number(match[1]) * (match[2] === undefined ? 1 : (scale[match[2]] ?? Number.NaN));
}

function probePod(namespace: string, labels: Readonly<Record<string, string>>, privileged: boolean): KubeObject {
  const restricted = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: privileged ? 'verify-tenancy-privileged' : 'verify-tenancy-defaults',
      namespace,
      // require-labels asks for these; the namespace's own values.
      labels: { 'app.kubernetes.io/name': 'verify-tenancy', owner: labels.owner ?? 'verify', 'cost-centre': labels['cost-centre'] ?? 'verify', env: labels.env ?? 'verify' },
    } as KubeObject['metadata'],
    spec: {
      automountServiceAccountToken: false,
      containers: [{ name: 'probe', image: PROBE_IMAGE, securityContext: privileged ? { privileged: true } : restricted }],
    },
  };
}

/** The container defaults the documents' LimitRange(s) of the namespace promise. */
function promisedDefaults(documents: readonly Document[], namespace: string): { requests: Record<string, string>; limits: Record<string, string>; files: string[] } {
  const ranges = documents.filter((d) => d.object.kind === 'LimitRange' && d.object.metadata.namespace === namespace);
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const range of ranges) {
    for (const item of ((range.object.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []).filter((l) => l.type === 'Container')) {
      Object.assign(requests, item.defaultRequest ?? {});
      Object.assign(limits, item.default ?? {});
    }
  }
  return { requests, limits, files: [...new Set(ranges.map((r) => r.file))] };
}

/** Differences between what the LimitRange promises and what the admitted container got. */
function defaultsDiffer(promised: Record<string, string>, got: Readonly<Record<string, string>> = {}, what: string): string[] {
  return Object.entries(promised)
    .filter(([resource, quantity]) => got[resource] === undefined || quantityValue(got[resource] ?? '') !== quantityValue(quantity))
    .map(([resource, quantity]) => `${what}.${resource}: expected ${quantity}, got ${got[resource] ?? 'nothing'}`);
}

/** Every tenant namespace: a privileged Pod refused by PodSecurity, a compliant one defaulted by its LimitRange. */
export async function admitTenantPods(kubectl: Kubectl, documents: readonly Document[], tenants: readonly DerivedTenant[]): Promise<{ problems: string[]; lines: string[] }> {
  const problems: string[] = [];
  const lines: string[] = [];
  let refused = 0;
  let defaulted = 0;
  const namespaces = tenants.flatMap((t) => t.namespaces.map((namespace) => ({ tenant: t.name, namespace })));
  for (const { tenant, namespace } of namespaces) {
    await yieldToSignals();
    const document = documents.find((d) => d.object.kind === 'Namespace' && d.object.metadata.name === namespace);
    const labels = document === undefined ? {} : labelsOf(document.object);
    const where = `tenancy: tenant ${tenant}, namespace ${namespace}`;
    // No controller manager runs here: its serviceaccount controller would have made `default`,
    // which the ServiceAccount admission plugin looks up for every Pod (as admission-replay.ts does).
    if (!kubectl.run(['get', 'serviceaccount', 'default', '-n', namespace]).ok) kubectl.run(['create', 'serviceaccount', 'default', '-n', namespace]);
    const level = labels[ENFORCE_LABEL];
    if (level === undefined || level === 'privileged') {
      problems.push(
        `${where}: the Namespace (${document?.file ?? 'not in the documents'}) enforces no Pod Security level (${ENFORCE_LABEL}: ${level ?? 'unset'}): a privileged Pod would be admitted`,
      );
    } else {
      const privileged = kubectl.run(['create', '--dry-run=server', '-f', '-'], toYamlDocument(probePod(namespace, labels, true)));
      if (!privileged.ok && new RegExp(`violates PodSecurity "${level}:`).test(privileged.stderr)) refused += 1;
      else problems.push(`${where}: a privileged Pod (server dry run) must be refused by PodSecurity at "${level}", got ${privileged.ok ? 'admitted' : privileged.stderr}`);
    }
    const promised = promisedDefaults(documents, namespace);
    if (Object.keys(promised.requests).length + Object.keys(promised.limits).length === 0) continue;
    const compliant = kubectl.run(['create', '--dry-run=server', '-f', '-', '-o', 'json'], toYamlDocument(probePod(namespace, labels, false)));
    if (!compliant.ok) {
      if (/admission webhook "[^"]*kyverno/.test(compliant.stderr))
        lines.push(`${where}: LimitRange defaults not observed: Kyverno refused the probe Pod (${compliant.stderr.split('\n')[0]})`);
      else problems.push(`${where}: a compliant Pod without resources (server dry run) was refused: ${compliant.stderr}`);
      continue;
    }
    const pod = JSON.parse(compliant.stdout) as { spec: { containers: { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }[] } };
    const resources = pod.spec.containers[0]?.resources ?? {};
    const differences = [...defaultsDiffer(promised.requests, resources.requests, 'requests'), ...defaultsDiffer(promised.limits, resources.limits, 'limits')];
    if (differences.length === 0) defaulted += 1;
    else {
      // LimitRanger applies every LimitRange of the namespace in the lister's (unordered) order and
      // sets a default only where none is set yet (k8s.io/kubernetes v1.34.4 plugin/pkg/admission/
      // limitranger/admission.go runLimitFunc, mergeContainerResources): with a second LimitRange
      // (Kyverno's generated default-limits) the defaults a container gets are random.
      const present = kubectl.run(['get', 'limitranges', '-n', namespace, '-o', 'name']).stdout.trim().split('\n').join(', ');
      problems.push(
        `${where}: a container without resources did not get the defaults of ${promised.files.join(', ')} (LimitRanges in the namespace: ${present}): ${differences.join('; ')}`,
      );
    }
  }
  lines.push(
    `tenancy: ${refused} of ${namespaces.length} tenant namespaces refuse a privileged Pod by PodSecurity; ${defaulted} give a container without resources their LimitRange's defaults`,
  );
  return { problems, lines };
}
