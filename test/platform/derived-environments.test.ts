import { Duration } from 'cdk8s';
import { parse } from 'yaml';
import { PLATFORM_ADDONS } from '../../constructs/platform/addon-catalog';
import { PLATFORM_NAMESPACES } from '../../constructs/platform/platform-namespaces';
import type { AksClusterSpec, EnvironmentSpec, GkeClusterSpec } from '../../environments/types';
import { FIXTURE_AWS_ACCOUNT, fixtureEstate } from '../support/fixture-environment';
import { argoApps, clusterConfig, clusterSecret, clusterSecrets, configData, project, rolePolicies, withPrune } from './argo-objects';
import { applicationSpecOf, field, manifestOf, manifestsOf, objectsOf } from './render-environment';

const ENVIRONMENTS = fixtureEstate();
const dev = ENVIRONMENTS.find((spec) => spec.tier === 'development')!;
const prod = ENVIRONMENTS.find((spec) => spec.tier === 'production')!;

// Derived variants spread a real environment and change one knob; every assertion reads the
// rendered objects, never the constructs.

const AKS_WORKLOAD: AksClusterSpec = {
  name: 'prod-aks-weu',
  role: 'workload',
  cloud: 'azure',
  region: 'westeurope',
  apiServer: 'https://prod-aks-weu-1a2b3c4d.hcp.westeurope.azmk8s.io:443',
  caData: prod.clusters[0]!.caData,
  tenantId: '11111111-2222-4333-8444-555555555555',
  argocdClientId: '66666666-7777-4888-9999-000000000000',
  workloadClientIds: {
    terraformDrift: '22222222-3333-4444-8555-666666666666',
    policyReporter: '33333333-4444-4555-8666-777777777777',
    velero: '44444444-5555-4666-8777-888888888888',
  },
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
    const finalizers = argoApps(objects).map((app) => (app.kind === 'Application' ? field(app, 'metadata.finalizers') : field(app, 'spec.template.metadata.finalizers')));
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
    expect(destinations(after).filter((d) => d.name === AKS_WORKLOAD.name)).toEqual(PLATFORM_NAMESPACES.map((namespace) => ({ name: AKS_WORKLOAD.name, namespace })));
    expect(added[0]!.metadata?.labels).toMatchObject({ 'gitops-cdk.io/env': 'live', 'gitops-cdk.io/cluster-role': 'workload' });
  });
});
