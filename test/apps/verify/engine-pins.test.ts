import { existsSync, readFileSync } from 'node:fs';
import { ARGO_CD_HELM } from '../../../apps/verify/chart-sources';
import { CRD_SOURCES, type CrdChart, engineVersionOf } from '../../../apps/verify/engine-crds';
import { kyvernoReleaseOfChart } from '../../../constructs/kyverno/kyverno-release';
// Reads the example estate on purpose: its subject is what the estate pins (fixture specs would prove nothing here).
import { ENVIRONMENTS } from '../../../environments';

/** The version a module of ours requires of `dependency` (engines/<engine>/go.mod). */
function requiredVersion(engine: string, dependency: string): string | undefined {
  const goMod = readFileSync(`engines/${engine}/go.mod`, 'utf8');
  return new RegExp(`^\\s*${dependency.replace(/\./g, '\\.')} (v\\S+)`, 'm').exec(goMod)?.[1];
}

// The engine checks build and install exactly what the environments pin: a pin that moves without
// its engine or CRD source fails here, in the fast test run, not only in CI's engine checks.
describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  it('has a CRD source for the release of every engine it pins', () => {
    for (const chart of Object.keys(CRD_SOURCES) as CrdChart[]) {
      expect([chart, spec.charts[chart], engineVersionOf(chart, spec.charts[chart])]).toEqual([chart, spec.charts[chart], expect.stringMatching(/^v\d+\.\d+\.\d+$/)]);
    }
  });

  it('runs a Kyverno that an engines/kyverno-<version> module builds', () => {
    const version = kyvernoReleaseOfChart(spec.charts.kyverno)?.kyverno;
    expect(existsSync(`engines/kyverno-${version}/go.mod`)).toBe(true);
    expect(requiredVersion(`kyverno-${version}`, 'github.com/kyverno/kyverno')).toBe(version);
  });

  // dev's AKS cluster moved to 1.35 when AKS ended 1.34 (2026-11-30, constructs/kubernetes/
  // kubernetes-support.ts) while engines/kube-apiserver is still 1.34: verify then checks its
  // documents one minor behind the cluster. Allowed for one minor only, until the engine follows.
  it("runs clusters at the Kubernetes minor of engines/kube-apiserver's API server, or at most one newer", () => {
    const kubernetes = requiredVersion('kube-apiserver', 'k8s.io/kubernetes');
    const engineMinor = Number(/^v1\.(\d+)\./.exec(kubernetes ?? '')?.[1]);
    for (const cluster of spec.clusters) {
      const clusterMinor = Number(cluster.kubernetesVersion.split('.')[1]);
      expect({ cluster: cluster.name, newerThanEngine: [0, 1].includes(clusterMinor - engineMinor) }).toEqual({ cluster: cluster.name, newerThanEngine: true });
    }
  });
});

describe('engines/helm', () => {
  it('builds the Helm that Argo CD renders the newest pinned argo-cd chart with', () => {
    const newest = ENVIRONMENTS.map((spec) => spec.charts.argoCd).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0]!;
    expect(requiredVersion('helm', 'helm.sh/helm/v3')).toBe(ARGO_CD_HELM[newest]);
  });

  it('knows the Helm of every argo-cd chart an environment pins', () => {
    for (const spec of ENVIRONMENTS) expect([spec.name, ARGO_CD_HELM[spec.charts.argoCd]]).toEqual([spec.name, expect.stringMatching(/^v3\.\d+\.\d+$/)]);
  });
});
