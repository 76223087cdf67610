import { Duration } from 'cdk8s';
import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { IApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { parse } from 'yaml';
import type { AksClusterSpec, EnvironmentSpec, GkeClusterSpec } from '../../environments/types';
import { PLATFORM_ADDONS, type PlatformAddon } from '../../constructs/platform/addon-catalog';
import { placedClusters } from '../../constructs/platform/addons/platform-addon';
import { PLATFORM_NAMESPACES } from '../../constructs/platform/platform-namespaces';
import type { KubeManifest } from '../../constructs/synth/kube-manifest';
import { applicationSpecOf, field, manifestOf, manifestsOf, objectsOf, typed } from './render-environment';
import { FIXTURE_AWS_ACCOUNT, FIXTURE_RELEASE_TAG, fixtureEstate } from '../support/fixture-environment';

const ENVIRONMENTS = fixtureEstate();
const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
const prod = ENVIRONMENTS.find((spec) => spec.tier === 'production')!;

/** The add-ons that run somewhere in `spec` (a cloud's add-on is left out where it has no cluster). */
function placedAddons(spec: EnvironmentSpec): PlatformAddon[] {
  return PLATFORM_ADDONS.filter((addon) => placedClusters(spec, addon.placement).length > 0);
}

// Every assertion reads the rendered objects, never the constructs: these are the values Argo CD,
// Kyverno and the clusters receive. Derived variants spread a real environment and change one knob.

type ApplicationSpec = IApplication['spec'];
type ClusterConfig = {
  awsAuthConfig?: { clusterName: string; roleARN: string };
  execProviderConfig?: { command: string; args: string[]; env?: Record<string, string>; apiVersion: string };
  tlsClientConfig: { insecure: boolean; caData?: string };
};

/** Argo CD Applications and ApplicationSets of one environment (everything with an application spec). */
function argoApps(objects: ReturnType<typeof objectsOf>): KubeManifest[] {
  return objects.map((o) => o.manifest).filter((m) => m.kind === 'Application' || m.kind === 'ApplicationSet');
}

function configData(objects: ReturnType<typeof objectsOf>, name: string): Record<string, string> {
  return typed<IConfigMap>(manifestOf(objects, 'ConfigMap', name)).data ?? {};
}

function clusterSecrets(objects: ReturnType<typeof objectsOf>): ISecret[] {
  return manifestsOf(objects, 'Secret')
    .filter((m) => m.metadata.labels?.['argocd.argoproj.io/secret-type'] === 'cluster')
    .map((m) => typed<ISecret>(m));
}

function clusterSecret(objects: ReturnType<typeof objectsOf>, cluster: string): ISecret {
  return typed<ISecret>(manifestOf(objects, 'Secret', `cluster-${cluster}`));
}

function clusterConfig(secret: ISecret): ClusterConfig {
  return JSON.parse(secret.stringData?.config ?? 'null') as ClusterConfig;
}

function project(objects: ReturnType<typeof objectsOf>): IAppProject {
  return typed<IAppProject>(manifestOf(objects, 'AppProject', 'platform'));
}

function rolePolicies(objects: ReturnType<typeof objectsOf>, role: string): string[] {
  return project(objects).spec.roles?.find((r) => r.name === role)?.policies ?? [];
}

function withPrune(spec: EnvironmentSpec, prune: boolean): EnvironmentSpec {
  return { ...spec, sync: { ...spec.sync, prune } };
}

const AKS_WORKLOAD: AksClusterSpec = {
  name: 'prod-aks-weu',
  role: 'workload',
  cloud: 'azure',
  region: 'westeurope',
  apiServer: 'https://prod-aks-weu-1a2b3c4d.hcp.westeurope.azmk8s.io:443',
  caData: prod.clusters[0]!.caData,
  tenantId: '11111111-2222-4333-8444-555555555555',
  argocdClientId: '66666666-7777-4888-9999-000000000000',
  workloadClientIds: { terraformDrift: '22222222-3333-4444-8555-666666666666', policyReporter: '33333333-4444-4555-8666-777777777777' },
  oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/11111111-2222-4333-8444-555555555555/1/',
  egressIp: '192.0.2.9',
  kubernetesVersion: '1.31',
  networkCidr: '10.40.0.0/16',
  apiAccess: { privateEndpoint: true, allowedCidrs: [] },
  nodePool: { machineType: 'Standard_D4s_v5', minNodes: 3, maxNodes: 6 },
};

/** prod with AKS_WORKLOAD joined, and the Azure subscription a cluster there needs (spec validation requires it). */
const PROD_WITH_AKS: EnvironmentSpec = {
  ...prod,
  clouds: { ...prod.clouds, azure: { subscriptionId: '44444444-5555-4666-8777-888888888888', tenantId: AKS_WORKLOAD.tenantId, location: 'westeurope' } },
  clusters: [...prod.clusters, AKS_WORKLOAD],
};

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
        const labels = app.kind === 'ApplicationSet' ? (field(app, 'spec.template.metadata.labels') as Record<string, string>) : app.metadata.labels ?? {};
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
      const finalizers = apps.map((app) => [
        app.metadata.name,
        app.kind === 'Application' ? field(app, 'metadata.finalizers') : field(app, 'spec.template.metadata.finalizers'),
      ]);
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
        expect(windows).toEqual([
          { kind: 'allow', schedule: '0 9 * * 1-4', duration: '6h', timeZone: 'Europe/London', applications: ['*'], manualSync: true },
        ]);
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
      const fromProject = roles.flatMap((role) => [
        ...(role.policies ?? []),
        ...(role.groups ?? []).map((group) => `g, ${group}, proj:platform:${role.name}`),
      ]);
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
      expect(others).toHaveLength(spec.clusters.some((c) => c.cloud === 'aws') ? 9 : 8);
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
      const serverSide = placedAddons(spec).filter((addon) => {
        const [app] = argoApps(objects).filter((m) => m.metadata.name === addon.name);
        return (field(applicationSpecOf(app!), 'syncPolicy.syncOptions') as string[]).includes('ServerSideApply=true');
      }).map((addon) => addon.name);
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
      expect(clusterSecrets(objects).map((s) => s.stringData?.name).sort()).toEqual(spec.clusters.map((c) => c.name).sort());
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

describe('cluster authentication per cloud', () => {
  it('lets Argo CD assume the spec role ARN on a workload EKS cluster', () => {
    const cluster = prod.clusters.find((c) => c.name === 'live-eks-eun1')!;
    const config = clusterConfig(clusterSecret(objectsOf(prod), cluster.name));
    expect(config.awsAuthConfig).toEqual({ clusterName: 'live-eks-eun1', roleARN: `arn:aws:iam::${FIXTURE_AWS_ACCOUNT}:role/argocd-live-eks-eun1` });
    expect(config.tlsClientConfig).toEqual({ insecure: false, caData: cluster.caData });
    expect(clusterSecret(objectsOf(prod), cluster.name).stringData?.server).toBe(cluster.apiServer);
  });

  it('authenticates to a workload AKS cluster with argocd-k8s-auth azure and workload identity of the client id', () => {
    const config = clusterConfig(clusterSecret(objectsOf(PROD_WITH_AKS), AKS_WORKLOAD.name));
    expect(config.awsAuthConfig).toBeUndefined();
    expect(config.execProviderConfig).toMatchObject({ command: 'argocd-k8s-auth', args: ['azure'], apiVersion: 'client.authentication.k8s.io/v1beta1' });
    expect(config.execProviderConfig?.env).toMatchObject({
      AAD_LOGIN_METHOD: 'workloadidentity',
      AZURE_CLIENT_ID: AKS_WORKLOAD.argocdClientId,
      AZURE_TENANT_ID: AKS_WORKLOAD.tenantId,
    });
  });

  it('authenticates to a workload GKE cluster with argocd-k8s-auth gcp', () => {
    const gke = dev.clusters.find((c): c is GkeClusterSpec => c.cloud === 'gcp')!;
    const config = clusterConfig(clusterSecret(objectsOf(dev), gke.name));
    // Argo CD runs on AKS in dev: the exec plugin reads the federation's credential configuration.
    expect(config.execProviderConfig).toEqual({
      command: 'argocd-k8s-auth',
      args: ['gcp'],
      env: { GOOGLE_APPLICATION_CREDENTIALS: `/var/run/secrets/argocd-google/${gke.name}.json` },
      apiVersion: 'client.authentication.k8s.io/v1beta1',
    });
    expect(config.tlsClientConfig).toEqual({ insecure: false, caData: gke.caData });
  });
});

describe('derived environments', () => {
  it('renders the reconciliation interval from the spec (90 seconds becomes 90s)', () => {
    const spec: EnvironmentSpec = { ...dev, driftDetection: { ...dev.driftDetection, interval: Duration.seconds(90) } };
    expect(configData(objectsOf(spec), 'argocd-cm')['timeout.reconciliation']).toBe('90s');
  });

  it('rolls the application controller and the repo server when the reconciliation interval changes, and only then', () => {
    // Both read timeout.reconciliation from argocd-cm into an environment variable at start: only
    // a changed pod template restarts them.
    const podAnnotations = (spec: EnvironmentSpec) => {
      const values = parse(field(manifestOf(objectsOf(spec), 'Application', 'argo-cd'), 'spec.source.helm.values') as string) as Record<string, unknown>;
      return ['controller', 'repoServer'].map((component) => field(values, `${component}.podAnnotations`) as Record<string, string>);
    };
    const slower: EnvironmentSpec = { ...dev, driftDetection: { ...dev.driftDetection, interval: Duration.seconds(90) } };
    const before = podAnnotations(dev);
    const after = podAnnotations(slower);
    for (const annotations of [...before, ...after]) expect(Object.keys(annotations)).toEqual(['checksum/gitops-cdk-reconciliation']);
    expect(before[0]).toEqual(before[1]);
    expect(after[0]).toEqual(after[1]);
    expect(after[0]).not.toEqual(before[0]);
    // Nothing else in the spec moves it: a sync-window change must not restart the controller.
    expect(podAnnotations({ ...dev, syncWindows: prod.syncWindows })).toEqual(before);
  });

  it('stops self-healing the classes whose drift severity becomes alert-only, and only those', () => {
    const spec: EnvironmentSpec = {
      ...dev,
      driftDetection: { ...dev.driftDetection, remediation: { ...dev.driftDetection.remediation, warning: { strategy: 'alert', alertAfter: Duration.minutes(5) } } },
    };
    const healing = argoApps(objectsOf(spec)).map((app) => [app.metadata.name, field(applicationSpecOf(app), 'syncPolicy.automated.selfHeal')]);
    const platformApps = PLATFORM_ADDONS.map((addon) => addon.name);
    for (const [app, selfHeal] of healing) expect([app, selfHeal]).toEqual([app, !platformApps.includes(app as string)]);
  });

  it('drops every finalizer and preserves resources when dev stops pruning', () => {
    const objects = objectsOf(withPrune(dev, false));
    expect(argoApps(objects).every((app) => field(applicationSpecOf(app), 'syncPolicy.automated.prune') === false)).toBe(true);
    const finalizers = argoApps(objects).map((app) =>
      app.kind === 'Application' ? field(app, 'metadata.finalizers') : field(app, 'spec.template.metadata.finalizers'),
    );
    expect(finalizers).toEqual(argoApps(objects).map(() => undefined));
    const sets = manifestsOf(objects, 'ApplicationSet');
    expect(sets.map((m) => field(m, 'spec.syncPolicy.preserveResourcesOnDeletion'))).toEqual(sets.map(() => true));
  });

  it('takes sync away from the deployer when a sync window is added', () => {
    const spec: EnvironmentSpec = { ...dev, syncWindows: prod.syncWindows };
    expect(rolePolicies(objectsOf(spec), 'deployer')).toEqual([
      'p, proj:platform:deployer, applications, get, platform/*, allow',
      'p, proj:platform:deployer, logs, get, platform/*, allow',
    ]);
  });

  it('adds exactly one cluster secret and one destination set when a workload cluster joins prod', () => {
    const before = objectsOf(prod);
    const after = objectsOf(PROD_WITH_AKS);
    const added = clusterSecrets(after).filter((s) => !clusterSecrets(before).some((b) => b.metadata?.name === s.metadata?.name));
    expect(added.map((s) => s.metadata?.name)).toEqual(['cluster-prod-aks-weu']);
    expect(clusterSecrets(after)).toHaveLength(clusterSecrets(before).length + 1);
    const destinations = (objects: ReturnType<typeof objectsOf>) => project(objects).spec.destinations ?? [];
    expect(destinations(after)).toHaveLength(destinations(before).length + PLATFORM_NAMESPACES.length);
    expect(destinations(after).filter((d) => d.name === AKS_WORKLOAD.name)).toEqual(
      PLATFORM_NAMESPACES.map((namespace) => ({ name: AKS_WORKLOAD.name, namespace })),
    );
    expect(added[0]!.metadata?.labels).toMatchObject({ 'gitops-cdk.io/env': 'live', 'gitops-cdk.io/cluster-role': 'workload' });
  });
});
