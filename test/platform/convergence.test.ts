import { IN_CLUSTER_SERVER } from '../../constructs/argocd/constants';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { placedClusters } from '../../constructs/platform/addons/platform-addon';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { fixtureEstate } from '../support/fixture-environment';
import { applicationSpecOf, type ComponentObject, objectsOf } from './render-environment';

const ENVIRONMENTS = fixtureEstate();

// Whether an empty management cluster converges with no human, checked over the synthesized
// estate the way Argo CD (v2.13.2 / v2.14.2) would apply it: the root app applies its children
// wave by wave (annotation `argocd.argoproj.io/sync-wave`); an Application whose objects include a
// kind without its CRD fails its dry run unless it has `SkipDryRunOnMissingResource=true`; a
// destination namespace must exist unless `CreateNamespace=true`; a failed sync is retried as
// `RetryStrategy.NextRetryAt` says and then never again for the same revision.

/** How long a slow first install may take (kube-prometheus-stack and Kyverno on new nodes). */
const FIRST_INSTALL_SECONDS = 30 * 60;

interface AppUnderTest {
  readonly name: string;
  readonly kind: string;
  readonly wave: number;
  readonly syncOptions: readonly string[];
  readonly namespace: string;
  readonly onManagementOnly: boolean;
  readonly retry: { limit: number; backoff: { duration: string; factor: number; maxDuration: string } };
  /** The rendered folder it syncs, or undefined for a Helm chart (rendered by Argo CD). */
  readonly component: string | undefined;
  readonly chart: string | undefined;
  readonly managedNamespaceLabels: Readonly<Record<string, string>> | undefined;
}

function waveOf(manifest: KubeManifest): number {
  return Number(manifest.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? '0');
}

function groupKind(manifest: KubeManifest): string {
  const group = manifest.apiVersion.includes('/') ? manifest.apiVersion.split('/')[0]! : '';
  return `${group}/${manifest.kind}`;
}

function appsOf(objects: readonly ComponentObject[]): AppUnderTest[] {
  return objects
    .map((o) => o.manifest)
    .filter((m) => m.kind === 'Application' || m.kind === 'ApplicationSet')
    .map((m) => {
      const spec = applicationSpecOf(m) as {
        destination: { namespace: string; server?: string };
        source: { path?: string; chart?: string };
        syncPolicy: { syncOptions?: string[]; retry: AppUnderTest['retry']; managedNamespaceMetadata?: { labels?: Record<string, string> } };
      };
      return {
        name: m.metadata.name,
        kind: m.kind,
        wave: waveOf(m),
        syncOptions: spec.syncPolicy.syncOptions ?? [],
        namespace: spec.destination.namespace,
        onManagementOnly: m.kind === 'Application' && spec.destination.server === IN_CLUSTER_SERVER,
        retry: spec.syncPolicy.retry,
        component: spec.source.path?.split('/').pop(),
        chart: spec.source.chart,
        managedNamespaceLabels: spec.syncPolicy.managedNamespaceMetadata?.labels,
      };
    });
}

function seconds(duration: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(duration);
  if (match === null) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

/** The sum of the waits before each retry (argoproj/argo-cd `RetryStrategy.NextRetryAt`). */
function retryWindow(retry: AppUnderTest['retry']): number {
  if (retry.limit < 0) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < retry.limit; n += 1) {
    total += Math.min(seconds(retry.backoff.maxDuration), seconds(retry.backoff.duration) * retry.backoff.factor ** n);
  }
  return total;
}

/** Kinds whose CRD an add-on installs, and which add-on. */
const PROVIDERS: ReadonlyMap<string, string> = new Map(PLATFORM_ADDONS.flatMap((addon) => addon.crds.map((gk) => [`${gk.group}/${gk.kind}`, addon.name] as const)));

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (_name, spec) => {
  const objects = objectsOf(spec);
  const apps = appsOf(objects);
  const componentObjects = (component: string) => objects.filter((o) => o.component === component).map((o) => o.manifest);

  it('marks every object whose CRD an add-on installs to skip its dry run while the CRD is missing', () => {
    // A later wave would not do: waves order when the root app creates Applications, not when
    // their syncs finish (an ApplicationSet is healthy once it generated its Applications, an
    // Application has no health check in 2.x), so the add-on may still be installing. Before Argo
    // CD 3.1 only the object's own annotation is read (gitops-engine
    // `HasAnnotationOption(task.targetObj, ...)`); the Application-level sync option is ignored.
    const problems: string[] = [];
    for (const app of apps.filter((a) => a.component !== undefined)) {
      for (const object of componentObjects(app.component!)) {
        const provider = PROVIDERS.get(groupKind(object));
        if (provider === undefined || provider === app.name) continue;
        const providerApp = apps.find((a) => a.name === provider)!;
        const skips = (object.metadata.annotations?.['argocd.argoproj.io/sync-options'] ?? '').split(',').includes('SkipDryRunOnMissingResource=true');
        if (!skips) {
          problems.push(`${app.name} (wave ${app.wave}) syncs ${groupKind(object)} ${object.metadata.name} of ${provider} (wave ${providerApp.wave})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('lets a Helm add-on, whose chart objects cannot be marked, wait for the CRDs of other add-ons by retrying for the whole first install', () => {
    // A chart's ServiceMonitor fails the add-on's dry run until kube-prometheus-stack's CRDs exist
    // (unless the chart checks .Capabilities, as argo-cd's does); the add-on then syncs on a retry.
    const charts = apps.filter((a) => a.chart !== undefined);
    const placed = PLATFORM_ADDONS.filter((a) => placedClusters(spec, a.placement).length > 0);
    expect(charts.map((a) => a.name).sort()).toEqual(placed.map((a) => a.name).sort());
    for (const app of charts) expect([app.name, retryWindow(app.retry) >= FIRST_INSTALL_SECONDS]).toEqual([app.name, true]);
  });

  it('applies the add-ons that install CRDs in an earlier wave than every other Application, after the project and cluster registrations', () => {
    // Every add-on that installs CRDs (Velero's, one per cloud, install the same ones).
    const providers = new Set(PLATFORM_ADDONS.filter((addon) => addon.crds.length > 0).map((addon) => addon.name));
    const providerWaves = apps.filter((a) => providers.has(a.name)).map((a) => a.wave);
    const otherWaves = apps.filter((a) => !providers.has(a.name)).map((a) => a.wave);
    expect(Math.max(...providerWaves)).toBeLessThan(Math.min(...otherWaves));
    const registrations = objects
      .map((o) => o.manifest)
      .filter((m) => m.kind === 'AppProject' || (m.kind === 'Secret' && m.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster'));
    expect(registrations.length).toBeGreaterThan(1);
    for (const registration of registrations) expect([registration.metadata.name, waveOf(registration) < Math.min(...providerWaves)]).toEqual([registration.metadata.name, true]);
  });

  it('creates every namespace an Application deploys into, or uses one that exists before anything is deployed', () => {
    const problems: string[] = [];
    for (const app of apps) {
      // Argo CD's namespace exists on the management cluster only (from the bootstrap).
      const preexisting = new Set(['default', 'kube-system', ...(app.onManagementOnly ? ['argocd'] : [])]);
      const own = app.component === undefined ? [] : componentObjects(app.component);
      const createdHere = new Set([
        ...own.filter((m) => m.kind === 'Namespace').map((m) => m.metadata.name),
        ...(app.syncOptions.includes('CreateNamespace=true') ? [app.namespace] : []),
      ]);
      const used = new Set([app.namespace, ...own.flatMap((m) => (m.metadata.namespace !== undefined ? [m.metadata.namespace] : []))]);
      for (const namespace of used) {
        if (!preexisting.has(namespace) && !createdHere.has(namespace)) problems.push(`${app.name} uses namespace ${namespace}, which nothing creates before it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('creates a namespace the config component declares with the same Pod Security labels, so no pod is admitted there unchecked', () => {
    const declared = new Map(
      componentObjects('config')
        .filter((m) => m.kind === 'Namespace')
        .map((m) => [m.metadata.name, m.metadata.labels ?? {}]),
    );
    const creating = apps.filter((a) => a.syncOptions.includes('CreateNamespace=true') && declared.has(a.namespace));
    expect(creating.map((a) => a.name)).toEqual(expect.arrayContaining(['kyverno', 'kube-prometheus-stack', 'policies-sync', 'observability-sync']));
    for (const app of creating) {
      const podSecurity = Object.fromEntries(Object.entries(declared.get(app.namespace)!).filter(([key]) => key.startsWith('pod-security.kubernetes.io/')));
      expect(Object.keys(podSecurity)).toContain('pod-security.kubernetes.io/enforce');
      expect([app.name, app.managedNamespaceLabels]).toEqual([app.name, podSecurity]);
    }
  });

  it(`retries a failed sync for at least ${FIRST_INSTALL_SECONDS / 60} minutes before giving up on the revision`, () => {
    for (const app of apps) expect([app.name, retryWindow(app.retry) >= FIRST_INSTALL_SECONDS]).toEqual([app.name, true]);
  });
});

it('computes the retry window as Argo CD waits: 5 retries of 10s x 2 up to 5m stop after 310s', () => {
  expect(retryWindow({ limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } })).toBe(310);
  expect(retryWindow({ limit: 10, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } })).toBe(1810);
  expect(retryWindow({ limit: -1, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } })).toBe(Number.POSITIVE_INFINITY);
});
