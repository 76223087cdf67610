import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { parse } from 'yaml';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { FIXTURE_RELEASE_TAG, fixtureEstate } from '../support/fixture-environment';
import { type ApplicationSpec, argoApps, clusterConfig, clusterSecret, clusterSecrets, configData, placedAddons, project, rolePolicies } from './argo-objects';
import { applicationSpecOf, field, manifestOf, manifestsOf, objectsOf, typed } from './render-environment';

const ENVIRONMENTS = fixtureEstate();

// Every assertion reads the rendered objects, never the constructs: these are the values Argo CD,
// Kyverno and the clusters receive. The variants derived from one environment are in
// derived-environments.test.ts.

interface Expected {
  readonly prune: boolean;
  readonly revision: string;
  readonly slack: string;
  readonly pagerDuty: string | undefined;
  readonly syncWindows: number;
  readonly deployerSyncs: boolean;
  /** Applications whose drift is only alerted (drift policy `alert`): no self-heal. */
  readonly alertOnly: readonly string[];
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  lab: { prune: true, revision: 'main', slack: 'lab-alerts', pagerDuty: undefined, syncWindows: 0, deployerSyncs: true, alertOnly: [] },
  stage: {
    prune: false,
    revision: 'main',
    slack: 'stage-alerts',
    pagerDuty: undefined,
    syncWindows: 0,
    deployerSyncs: true,
    alertOnly: ['observability-sync', 'stage-eks-euw2-terraform-drift-sync', 'stage-eks-euw2-compliance-report-sync'],
  },
  live: {
    prune: false,
    revision: FIXTURE_RELEASE_TAG,
    slack: 'live-alerts',
    pagerDuty: 'live-platform',
    syncWindows: 1,
    deployerSyncs: false,
    alertOnly: ['observability-sync', 'live-eks-euw2-terraform-drift-sync', 'live-eks-euw2-compliance-report-sync', 'live-eks-eun1-compliance-report-sync'],
  },
};

it('covers exactly the environments listed in ENVIRONMENTS', () => {
  expect(ENVIRONMENTS.map((spec) => spec.name)).toEqual(Object.keys(EXPECTED));
});

describe.each(ENVIRONMENTS.map((spec) => [spec.name, spec] as const))('%s', (name, spec) => {
  const expected = EXPECTED[name]!;
  const objects = objectsOf(spec);
  const apps = argoApps(objects);
  const management = spec.clusters.find((c) => c.role === 'management')!;

  describe('sync policy', () => {
    it(`syncs automatically with prune ${expected.prune ? 'on' : 'off'}, self-healing all but ${JSON.stringify(expected.alertOnly)}`, () => {
      expect(apps.length).toBeGreaterThan(0);
      for (const app of apps) {
        const selfHeal = !expected.alertOnly.includes(app.metadata.name);
        expect([app.metadata.name, field(applicationSpecOf(app), 'syncPolicy.automated')]).toEqual([app.metadata.name, { prune: expected.prune, selfHeal }]);
      }
    });

    it('labels every Application with its drift class, severity and remediation, as the spec says', () => {
      const classes: Record<string, string> = {
        'policies-sync': 'policies',
        [`${management.name}-policies-management-sync`]: 'policies',
        'observability-sync': 'observability',
        'config-sync': 'configuration',
        [`${name}-root`]: 'rbac',
      };
      for (const app of apps) {
        const labels = app.kind === 'ApplicationSet' ? (field(app, 'spec.template.metadata.labels') as Record<string, string>) : (app.metadata.labels ?? {});
        const driftClass = classes[app.metadata.name] ?? (/-(terraform-drift|compliance-report)-sync$/.test(app.metadata.name) ? 'observability' : 'platform');
        const severity = spec.driftDetection.severityByClass[driftClass as keyof typeof spec.driftDetection.severityByClass];
        expect([app.metadata.name, labels['gitops-cdk.io/drift-class'], labels['gitops-cdk.io/drift-severity'], labels['gitops-cdk.io/drift-remediation']]).toEqual([
          app.metadata.name,
          driftClass,
          severity,
          spec.driftDetection.remediation[severity].strategy,
        ]);
      }
    });

    it('retries 10 times with a backoff of 10s, factor 2, at most 5m everywhere (30 minutes)', () => {
      for (const app of apps) {
        expect(field(applicationSpecOf(app), 'syncPolicy.retry')).toEqual({
          limit: 10,
          backoff: { duration: '10s', factor: 2, maxDuration: '5m' },
        });
      }
    });

    // Applications whose deletion must not delete what they deployed: Argo CD itself, the app of
    // apps, and the add-ons whose CRDs other Applications' objects use.
    const kept = [`${name}-root`, ...PLATFORM_ADDONS.filter((addon) => addon.crds.length > 0).map((addon) => addon.name)];

    it(`${expected.prune ? 'puts' : 'does not put'} the cascading-delete finalizer on Applications, never on Argo CD, the root app or CRD add-ons`, () => {
      expect(kept).toEqual(expect.arrayContaining([`${name}-root`, 'argo-cd', 'kyverno', 'kube-prometheus-stack', 'argo-rollouts', 'sealed-secrets']));
      const finalizers = apps.map((app) => [app.metadata.name, app.kind === 'Application' ? field(app, 'metadata.finalizers') : field(app, 'spec.template.metadata.finalizers')]);
      const wanted = (app: string) => (expected.prune && !kept.includes(app) ? ['resources-finalizer.argocd.argoproj.io'] : undefined);
      expect(finalizers).toEqual(apps.map((app) => [app.metadata.name, wanted(app.metadata.name)]));
    });

    it('preserves resources on deletion on every ApplicationSet whose Applications do not cascade', () => {
      const sets = manifestsOf(objects, 'ApplicationSet').map((m) => typed<IApplicationSet>(m));
      expect(sets.length).toBeGreaterThan(0);
      expect(sets.map((set) => [set.metadata.name, set.spec.syncPolicy?.preserveResourcesOnDeletion])).toEqual(
        sets.map((set) => [set.metadata.name, !expected.prune || kept.includes(set.metadata.name ?? '')]),
      );
    });
  });

  describe('argocd-cm', () => {
    it('reconciles every 2m, from the spec', () => {
      expect(configData(objects, 'argocd-cm')['timeout.reconciliation']).toBe('2m');
    });
  });

  describe('notifications', () => {
    const data = configData(objects, 'argocd-notifications-cm');
    const subscriptions = parse(data.subscriptions ?? '') as { recipients: string[]; triggers: string[] }[];

    it(`sends every trigger to slack:${expected.slack}`, () => {
      expect(subscriptions).toContainEqual({
        recipients: [`slack:${expected.slack}`],
        triggers: ['on-sync-failed', 'on-health-degraded'],
      });
    });

    it('reads the pointers Argo CD leaves nil (operationState, syncResult) in oncePer only through ?.', () => {
      // oncePer has no guard of its own: `app.status.operationState.syncResult.revision` fails to
      // evaluate when a sync fails before it produced a result.
      const triggers = Object.entries(data)
        .filter(([key]) => key.startsWith('trigger.'))
        .flatMap(([, yaml]) => parse(yaml) as { oncePer: string }[]);
      expect(triggers.map((t) => t.oncePer)).toContain('app.status.operationState?.syncResult?.revision');
      for (const { oncePer } of triggers) expect([oncePer, /\b(operationState|syncResult)\.(?!\?)/.test(oncePer)]).toEqual([oncePer, false]);
    });

    if (expected.pagerDuty === undefined) {
      it('pages nobody: no PagerDuty service or subscription', () => {
        expect(data['service.pagerdutyv2']).toBeUndefined();
        expect(subscriptions.flatMap((s) => s.recipients).filter((r) => r.startsWith('pagerduty'))).toEqual([]);
        expect(subscriptions).toHaveLength(1);
      });
    } else {
      it('pages PagerDuty only on failed syncs and degraded health', () => {
        expect(subscriptions).toContainEqual({
          recipients: [`pagerdutyv2:${expected.pagerDuty}`],
          triggers: ['on-sync-failed', 'on-health-degraded'],
        });
        expect(subscriptions).toHaveLength(2);
        expect(parse(data['service.pagerdutyv2'] ?? '')).toEqual({
          serviceKeys: { [expected.pagerDuty!]: `$pagerduty-key-${expected.pagerDuty}` },
        });
      });
    }
  });

  describe('AppProject and RBAC', () => {
    it(`has ${expected.syncWindows === 0 ? 'no sync window' : 'the sync window of the spec, with manual sync allowed'}`, () => {
      const windows = project(objects).spec.syncWindows ?? [];
      if (expected.syncWindows === 0) {
        expect(windows).toEqual([]);
      } else {
        expect(windows).toEqual([{ kind: 'allow', schedule: '0 9 * * 1-4', duration: '6h', timeZone: 'Europe/London', applications: ['*'], manualSync: true }]);
      }
    });

    it(`${expected.deployerSyncs ? 'lets' : 'does not let'} the deployer role sync`, () => {
      const syncLine = 'p, proj:platform:deployer, applications, sync, platform/*, allow';
      if (expected.deployerSyncs) expect(rolePolicies(objects, 'deployer')).toContain(syncLine);
      else expect(rolePolicies(objects, 'deployer')).not.toContain(syncLine);
      expect(rolePolicies(objects, 'deployer')).toContain('p, proj:platform:deployer, applications, get, platform/*, allow');
    });

    it('lets the emergency-override role sync from Git but grants override (local manifests) to no role', () => {
      expect(rolePolicies(objects, 'emergency-override')).toContain('p, proj:platform:emergency-override, applications, sync, platform/*, allow');
      const all = (project(objects).spec.roles ?? []).flatMap((role) => role.policies ?? []);
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((line) => line.split(',').map((part) => part.trim())[3] === 'override')).toEqual([]);
    });

    it.each(['read-only', 'deployer', 'emergency-override'])('lets the %s role read application logs (logs, get: enforced by Argo CD 3)', (role) => {
      expect(rolePolicies(objects, role)).toContain(`p, proj:platform:${role}, logs, get, platform/*, allow`);
    });

    it('lists orphaned resources without a permanent warning condition', () => {
      expect(project(objects).spec.orphanedResources).toEqual({ warn: false });
    });

    it('writes exactly the AppProject role policies and group bindings into argocd-rbac-cm policy.csv', () => {
      const roles = project(objects).spec.roles ?? [];
      const fromProject = roles.flatMap((role) => [...(role.policies ?? []), ...(role.groups ?? []).map((group) => `g, ${group}, proj:platform:${role.name}`)]);
      const csv = configData(objects, 'argocd-rbac-cm')['policy.csv'] ?? '';
      const lines = csv.split('\n').filter((line) => line !== '');
      expect(new Set(lines)).toEqual(new Set(fromProject));
      expect(lines).toHaveLength(fromProject.length);
      expect(fromProject.length).toBeGreaterThan(roles.length);
    });
  });

  describe('root and sync applications', () => {
    it(`points the root app at dist/k8s/${name} at ${expected.revision} in project platform on the management cluster`, () => {
      const root = typed<IApplication>(manifestOf(objects, 'Application', `${name}-root`));
      expect(root.spec.project).toBe('platform');
      expect(root.spec.source).toEqual({ repoURL: spec.gitops.repoUrl, targetRevision: expected.revision, path: `dist/k8s/${name}` });
      expect(root.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'argocd' });
    });

    it.each(['policies', 'observability', 'config'])(`syncs dist/k8s/${name}/%s to every cluster of the environment`, (component) => {
      const set = typed<IApplicationSet>(manifestOf(objects, 'ApplicationSet', `${component}-sync`));
      const template = set.spec.template.spec as ApplicationSpec;
      expect(template.source).toEqual({ repoURL: spec.gitops.repoUrl, targetRevision: expected.revision, path: `dist/k8s/${name}/${component}` });
      expect(template.project).toBe('platform');
      expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': name } } } }]);
    });
  });

  describe('add-ons', () => {
    it.each(placedAddons(spec).map((addon) => [addon.name, addon] as const))('deploys %s at the chart version pinned in the spec', (_, addon) => {
      const [app] = argoApps(objects).filter((m) => m.metadata.name === addon.name);
      expect(app).toBeDefined();
      expect(field(applicationSpecOf(app!), 'source')).toMatchObject({
        repoURL: addon.chart.repoUrl,
        chart: addon.chart.chart,
        targetRevision: spec.charts[addon.versionKey],
      });
    });

    it('deploys argo-cd as an Application on the management cluster and the others as ApplicationSets over the environment', () => {
      const argoCd = typed<IApplication>(manifestOf(objects, 'Application', 'argo-cd'));
      expect(argoCd.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'argocd' });
      const others = placedAddons(spec).filter((addon) => addon.name !== 'argo-cd');
      // Nine everywhere (OpenCost the ninth), the cluster-autoscaler where there is EKS, and one Velero per cloud with clusters.
      const clouds = new Set(spec.clusters.map((c) => c.cloud)).size;
      expect(others).toHaveLength(9 + (spec.clusters.some((c) => c.cloud === 'aws') ? 1 : 0) + clouds);
      for (const addon of others) {
        const set = typed<IApplicationSet>(manifestOf(objects, 'ApplicationSet', addon.name));
        const cloud = typeof addon.placement === 'object' ? { 'gitops-cdk.io/cloud': addon.placement.cloud } : {};
        expect(set.spec.generators).toEqual([{ clusters: { selector: { matchLabels: { 'gitops-cdk.io/env': name, ...cloud } } } }]);
        expect((set.spec.template.spec as ApplicationSpec).destination).toEqual({ name: '{{.name}}', namespace: addon.namespace });
      }
      expect(manifestsOf(objects, 'Application', 'argo-cd')).toHaveLength(1);
      expect(manifestsOf(objects, 'ApplicationSet', 'argo-cd')).toHaveLength(0);
    });

    it('applies server-side exactly the add-ons that need it', () => {
      const serverSide = placedAddons(spec)
        .filter((addon) => {
          const [app] = argoApps(objects).filter((m) => m.metadata.name === addon.name);
          return (field(applicationSpecOf(app!), 'syncPolicy.syncOptions') as string[]).includes('ServerSideApply=true');
        })
        .map((addon) => addon.name);
      expect(serverSide).toEqual(['argo-cd', 'kyverno', 'kube-prometheus-stack', 'argo-rollouts']);
      expect(serverSide).toEqual(PLATFORM_ADDONS.filter((a) => a.serverSideApply).map((a) => a.name));
    });

    it("labels Prometheus series with the generated cluster's name", () => {
      const set = typed<IApplicationSet>(manifestOf(objects, 'ApplicationSet', 'kube-prometheus-stack'));
      const values = parse((set.spec.template.spec as ApplicationSpec).source?.helm?.values ?? '') as unknown;
      expect(field(values, 'prometheus.prometheusSpec.externalLabels')).toEqual({ cluster: '{{.name}}', env: name });
    });
  });

  describe('cluster secrets', () => {
    it('registers the management cluster in-cluster as https://kubernetes.default.svc, without credentials', () => {
      const secret = clusterSecret(objects, management.name);
      expect(secret.stringData?.server).toBe('https://kubernetes.default.svc');
      expect(secret.stringData?.name).toBe(management.name);
      expect(clusterConfig(secret)).toEqual({ tlsClientConfig: { insecure: false } });
    });

    it('registers one secret per cluster of the spec', () => {
      expect(
        clusterSecrets(objects)
          .map((s) => s.stringData?.name)
          .sort(),
      ).toEqual(spec.clusters.map((c) => c.name).sort());
    });

    it('stores no bearerToken, password or keyData in any secret', () => {
      for (const secret of manifestsOf(objects, 'Secret')) {
        expect(JSON.stringify(secret)).not.toMatch(/bearerToken|password|keyData/);
      }
    });
  });

  it('labels every object managed-by gitops-cdk and with its environment', () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const { manifest } of objects) {
      expect(manifest.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'gitops-cdk', 'gitops-cdk.io/env': name });
    }
  });

  it('labels the Applications every ApplicationSet generates the same way', () => {
    const sets = manifestsOf(objects, 'ApplicationSet');
    expect(sets.length).toBeGreaterThan(0);
    for (const set of sets) {
      const template = (set.spec as { template: { metadata: { labels?: Record<string, string> } } }).template;
      expect(template.metadata.labels).toMatchObject({ 'app.kubernetes.io/managed-by': 'gitops-cdk', 'gitops-cdk.io/env': name });
    }
  });
});
